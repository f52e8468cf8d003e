/**
 * The message to show for a failed request: the backend's own message (which
 * names the bad field or ref) rather than "Request failed with 400".
 */
export function errorMessage(error: unknown): string {
  const remote = (error as { body?: { error?: { message?: unknown } } })?.body
    ?.error?.message;
  if (typeof remote === 'string' && remote) {
    return remote;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
