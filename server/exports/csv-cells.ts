// Writing CSV that Excel opens safely: quoted where needed, and text that Excel would run as a
// formula (= + - @, or a leading tab or carriage return) made inert with a leading apostrophe.

/** The byte-order mark that makes Excel read the file as UTF-8 (and show Vietnamese correctly). */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** One CSV field: numbers as they are, text neutralised against formula injection and quoted if needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line ending (RFC 4180). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
