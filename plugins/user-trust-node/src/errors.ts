/**
 * The refusal of signals that name an entity (or a `handledBy` user) the
 * catalog does not know. An `InputError` to HTTP callers (400, the same
 * message); a connector can tell it apart, e.g. to keep the signals of a
 * service mapped to an entity that does not exist yet instead of losing them.
 *
 * @public
 */
export class UnknownEntityRefsError extends Error {
  /** The refs the catalog does not know. */
  readonly unknownEntityRefs: string[];

  constructor(message: string, unknownEntityRefs: string[]) {
    super(message);
    // Backstage's error handler answers by name: 400 like every InputError.
    this.name = 'InputError';
    this.unknownEntityRefs = unknownEntityRefs;
  }
}

/**
 * Whether an error is an {@link UnknownEntityRefsError}, also when it comes
 * from another copy of this package.
 *
 * @public
 */
export function isUnknownEntityRefsError(
  error: unknown,
): error is UnknownEntityRefsError {
  return (
    error instanceof Error &&
    Array.isArray((error as Partial<UnknownEntityRefsError>).unknownEntityRefs)
  );
}
