/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A property value as trimmed text; undefined when empty or not text. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** A property parameter (`CN`, `TZID`, ...) as trimmed text; the first of several. */
export function param(
  property: { getParameter(name: string): unknown },
  name: string,
): string | undefined {
  const value = property.getParameter(name);
  return text(Array.isArray(value) ? value[0] : value);
}
