// RFC 4180 CSV as Excel and LibreOffice write it: quoted fields with "" escapes and line breaks,
// CRLF or LF, an optional UTF-8 BOM, and a comma or (as Excel does in Vietnamese locales) a
// semicolon between fields, taken from the header line.

export interface CsvRecord {
  /** The line (1-based) the record starts on, for messages people can find in their editor. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The delimiter of a file, read from the header line: a tab when it has tabs (Excel's "Unicode
 * text"), else a semicolon when it has semicolons and no commas outside quotes, else a comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === '\t') tabs++;
  }
  if (tabs > 0) return '\t';
  return semicolons > 0 && commas === 0 ? ';' : ',';
}

/** Every record of the file; blank lines are skipped. Throws CsvSyntaxError on an unclosed quote. */
export function parseCsv(input: string, delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let afterQuote = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '' && !afterQuote) {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      afterQuote = false;
      line++;
      start = line;
    } else if (afterQuote) {
      throw new CsvSyntaxError(line, `unexpected "${ch}" after a closing quote`);
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is never closed');
  if (cell !== '' || cells.length) endRecord();
  return records;
}
