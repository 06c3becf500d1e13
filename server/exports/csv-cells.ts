// The one CSV writer of every export: quoted where needed, and text that a spreadsheet would run
// as a formula made inert with an apostrophe. Excel in a Vietnamese locale splits a CSV on ";"
// (and quotes only count at the start of a field), so a formula is defused wherever a split on
// "," or ";" (or a tab or line break) could start a cell: "a;=b" is written "a;'=b".

/** The byte-order mark that makes Excel read the file as UTF-8 (and show Vietnamese correctly). */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SPLIT = /([,;\t\r\n])(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\r\n\t]|^\s|\s$/;
// Text with none of these is written as it is (every rule above needs one): most cells of a large
// export are codes, dates and option ids, and one test is cheaper than the three above.
const MAY_NEED_CARE = /^[\s=+\-@]|[",;\t\r\n]|\s$/;

/** Text as a spreadsheet may read it: no piece of it starts a formula. */
export function defuseFormulas(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SPLIT, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** One CSV field: numbers as they are, text defused against formula injection and quoted if needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (!MAY_NEED_CARE.test(value)) return value;
  const text = defuseFormulas(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line ending (RFC 4180). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
