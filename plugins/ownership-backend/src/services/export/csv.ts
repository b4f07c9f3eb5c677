/**
 * One CSV field: quoted when needed, and defused when a spreadsheet would
 * read it as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage return).
 */
function csvField(value: string | number | undefined): string {
  if (value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(values: Array<string | number | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
