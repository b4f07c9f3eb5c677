const SNIFF_BYTES = 8 * 1024;
const KiB = 1024;
const MiB = 1024 * 1024;

/** A size for people: `512 bytes`, `1.5 KB`, `20 MB` (binary multiples). */
function formatSize(bytes: number): string {
  const round = (value: number) => String(Number(value.toFixed(1)));
  if (bytes >= MiB) {
    return `${round(bytes / MiB)} MB`;
  }
  if (bytes >= KiB) {
    return `${round(bytes / KiB)} KB`;
  }
  return `${bytes} bytes`;
}

/**
 * Why a document is refused for its size (`undefined` when unknown), naming the setting.
 *
 * @public
 */
export function tooLargeReason(
  url: string,
  size: number | undefined,
  maxBytes: number,
): string {
  const limit = `ownership.docs.maxBytes (${formatSize(maxBytes)})`;
  if (size === undefined) {
    // A stream stopped at the limit: the full size is not known.
    return `${url} is larger than ${limit}`;
  }
  const shown =
    formatSize(size) === formatSize(maxBytes)
      ? `${size} bytes`
      : formatSize(size);
  return `${url} is ${shown}, more than ${limit}`;
}

/**
 * Why a document is refused for its content.
 *
 * @public
 */
export function notTextReason(url: string): string {
  return `${url} is not a text file`;
}

/**
 * Decodes UTF-8 text, or returns `undefined` for binary content: a NUL byte
 * in the first 8 KB, or bytes that are not valid UTF-8. A byte-order mark is
 * dropped.
 *
 * @public
 */
export function decodeText(buffer: Uint8Array): string | undefined {
  if (buffer.subarray(0, SNIFF_BYTES).includes(0)) {
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

/**
 * Whether a file name ends with one of `extensions` (case-insensitive); all files when none are given.
 *
 * @public
 */
export function hasExtension(name: string, extensions: string[]): boolean {
  if (extensions.length === 0) {
    return true;
  }
  const lower = name.toLowerCase();
  return extensions.some(extension => lower.endsWith(extension.toLowerCase()));
}

/**
 * Whether any segment of a `/`-separated path is hidden (starts with `.`).
 *
 * @public
 */
export function isHiddenPath(relativePath: string): boolean {
  return relativePath.split('/').some(segment => segment.startsWith('.'));
}
