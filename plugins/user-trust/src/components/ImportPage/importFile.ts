/** The formats a signal file can be read in. */
export type ImportFormat = 'csv' | 'json';

/** A file chosen for an import, read in the browser. */
export type ImportFile = {
  /** Changes with every file chosen, even the same one again. */
  id: number;
  name: string;
  /** Size in bytes. */
  size: number;
  format: ImportFormat;
  /** The file's text (UTF-8, without a byte order mark). */
  text: string;
};

/** The largest file the backend takes (`content` of the request). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The format of a file: by its extension, else by its content (a JSON
 * array starts with `[`, anything else is read as CSV).
 */
export function detectFormat(name: string, text: string): ImportFormat {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLocaleLowerCase('en-US');
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  return text.trimStart().startsWith('[') ? 'json' : 'csv';
}

/** The bytes of a chosen file (Blob.arrayBuffer is missing in some DOMs). */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The text of a chosen file, or why it cannot be imported: too big, empty
 * or not UTF-8 (a spreadsheet's "CSV" is often Windows-1252 or UTF-16;
 * decoding it anyway would import wrong characters).
 */
export async function readImportFile(
  file: File,
  id: number,
): Promise<ImportFile | { error: string }> {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return {
      error: `${file.name} is ${formatBytes(
        file.size,
      )}; files up to ${formatBytes(
        MAX_IMPORT_FILE_BYTES,
      )} can be imported. Split it into smaller files.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      await readBytes(file),
    );
  } catch {
    return {
      error: `${file.name} is not UTF-8 text. Export it again as "CSV UTF-8" (or JSON), or convert it to UTF-8 first.`,
    };
  }
  // TextDecoder drops a UTF-8 byte order mark; a stray one would name the
  // first column "\uFEFFid".
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) {
    return { error: `${file.name} is empty.` };
  }
  return {
    id,
    name: file.name,
    size: file.size,
    format: detectFormat(file.name, text),
    text,
  };
}

/** `512 B`, `12.3 KB`, `4.0 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
