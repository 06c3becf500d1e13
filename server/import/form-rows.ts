// Rows of a paper-form table (CSV or workbook) turned into response bodies for the normal write path. Pure: the
// organisation and the answers themselves are checked afterwards by prepareResponse.
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { type Channel, type ResponseBody } from '../responses/response-body';
import { optionFromCell, ratingFromCell, wordKey } from './cell-words';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';
import type { CsvRecord } from './csv-parse';
import { parseFormDate } from './form-date';

/** The cell code for "không có ý kiến" (no opinion) on a rating: the same 0 the API uses. */
export const NO_OPINION_CELL = '0';
export const FACT_COLUMNS = ['id', 'submitted_at', 'unit', 'channel', 'procedure', 'official'] as const;

const PAPER_WORDS = new Set(['paper', 'giấy', 'phiếu giấy', 'phiếu'].map(wordKey));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface RowIssue {
  column: string;
  message: string;
}

export interface FormRow {
  line: number;
  body?: ResponseBody;
  issues: RowIssue[];
}

export interface FormHeader {
  columns: string[];
  /** Columns that are neither facts nor questions of the survey: a row with a value there is invalid. */
  unknown: string[];
  /** Problems with the header itself, which make the whole file unusable. */
  problems: string[];
}

export function readHeader(def: SurveyDefinition, cells: readonly string[]): FormHeader {
  const columns = cells.map((c) => c.trim());
  const known = new Set<string>([...FACT_COLUMNS, ...listCriteria(def).map((c) => c.id), ...def.questions.map((q) => q.id)]);
  const problems: string[] = [];
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length) problems.push(`column ${[...new Set(twice)].map((c) => `"${c}"`).join(', ')} appears more than once`);
  if (columns.some((c) => c === '')) problems.push('a column has no name');
  if (!columns.includes('submitted_at')) problems.push('the column "submitted_at" is missing');
  return { columns, unknown: columns.filter((c) => c !== '' && !known.has(c)), problems };
}

/** Each record as a response body, or the reasons it cannot be one. Identical forms get distinct ids. */
export function formRows(def: SurveyDefinition, header: FormHeader, records: readonly CsvRecord[]): FormRow[] {
  // Each answer column and how its cell is read: a rating level, one or several options, or text.
  const readers = new Map<string, (cell: string) => unknown>([
    ...listCriteria(def).map((c) => [c.id, (cell: string) => ratingFromCell(def.scales[c.scale]!, cell)] as const),
    ...def.questions.map((q) => [
      q.id,
      q.type === 'multi' ? (cell: string) => cell.split(/[|;]/).map((v) => v.trim()).filter(Boolean).map((v) => optionFromCell(q, v)) : (cell: string) => optionFromCell(q, cell),
    ] as const),
  ]);
  const seen = new Map<string, number>();
  return records.map(({ line, cells }) => {
    const issues: RowIssue[] = [];
    if (cells.length !== header.columns.length) {
      return { line, issues: [{ column: '(row)', message: `has ${cells.length} cells; the header has ${header.columns.length}` }] };
    }
    const cell = (column: string) => (cells[header.columns.indexOf(column)] ?? '').trim();
    for (const column of header.unknown) if (cell(column) !== '') issues.push({ column, message: `"${column}" is not a column of ${def.id}` });

    const submittedAt = parseFormDate(cell('submitted_at'));
    if (!cell('submitted_at')) issues.push({ column: 'submitted_at', message: 'the date is missing' });
    else if (!submittedAt) issues.push({ column: 'submitted_at', message: `"${cell('submitted_at')}" is not a date (2026-03-15, 2026-03-15T09:30 or 15/03/2026)` });
    // Only paper forms are imported: kiosk, QR and web answers arrive with their own proof, so a
    // file claiming them would count unproven answers as verified.
    const channel: Channel = 'paper';
    if (cell('channel') && !PAPER_WORDS.has(wordKey(cell('channel')))) {
      issues.push({ column: 'channel', message: `"${cell('channel')}": an import holds paper forms only (leave the column empty or write paper)` });
    }
    const id = cell('id');
    if (id && !UUID.test(id)) issues.push({ column: 'id', message: `"${id}" is not a UUID` });

    const answers: Record<string, unknown> = {};
    for (const [column, read] of readers) {
      const value = cell(column);
      if (value === '') continue; // a blank cell is an unanswered question, never an error
      answers[column] = read(value);
    }
    if (issues.length) return { line, issues };

    const content = { surveyId: def.id, submittedAt, unit: cell('unit'), channel, procedure: cell('procedure'), official: cell('official'), answers };
    const body: ResponseBody = {
      id: id ? id.toLowerCase() : '',
      surveyId: def.id,
      answers,
      channel,
      submittedAt,
      ...(content.unit ? { unit: content.unit } : {}),
      ...(content.procedure ? { procedure: content.procedure } : {}),
      ...(content.official ? { official: content.official } : {}),
    };
    if (!id) {
      // The same form typed twice in one file is two responses; the same file imported twice is one.
      const key = canonicalJson(content);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      body.id = derivedId(`${key}#${occurrence}`);
    }
    return { line, body, issues };
  });
}

/** A UUID (version 8: custom) derived from the row's content, so a re-import finds its responses. */
export function derivedId(content: string): string {
  const h = sha256Hex(`sipas-import:v1:${content}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
