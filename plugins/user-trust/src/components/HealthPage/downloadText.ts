/**
 * Saves text as a file through a temporary object URL. Returns false where
 * the browser (or jsdom) cannot create object URLs.
 */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/plain',
): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking right away can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return true;
}
