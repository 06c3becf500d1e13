// The columns of a raw-responses export (CSV and XLSX alike): facts about the response, then one
// column per criterion and per question, headed by its id.
import type { AnswerValue, Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { ExportRow } from '../repos/response-pages';
import { AnswerCells } from './answer-cells';
import { csvCell } from './csv-cells';
import type { RawRows } from './raw-rows';

export type Cell = string | number | null;

export interface ResponseColumn {
  header: string;
  value(row: ExportRow, answers: Answers): Cell;
  /** Set on the column of a criterion or question: the id its answer is stored under. */
  answerId?: string;
  /** Set on a column that is one of the row's own fields as stored: that field. */
  field?: keyof ExportRow;
}

/** The column of one of the row's own fields, as stored. */
const fact = (header: string, field: Exclude<keyof ExportRow, 'answers'>): ResponseColumn => ({ header, field, value: (row) => row[field] });

/** Options of a multiple choice are joined with "|", which no option id contains. */
export const MULTI_SEPARATOR = '|';

export const answerCell = (value: AnswerValue | undefined): Cell => (value === undefined ? null : Array.isArray(value) ? value.join(MULTI_SEPARATOR) : value);

/**
 * The export columns for `def`; a rating is its level, 0 for "no opinion", empty when unanswered.
 * The exact time and the official are there only in a detailed export (raw-rows.ts).
 */
export function responseColumns(def: SurveyDefinition, rows: RawRows = 'anonymous'): ResponseColumn[] {
  const detailed = rows === 'detailed';
  const facts: ResponseColumn[] = [
    fact('id', 'id'),
    ...(detailed ? [fact('submitted_at', 'submitted_at')] : []),
    fact('local_date', 'local_date'),
    fact('survey_version', 'survey_version'),
    fact('unit', 'unit_code'),
    fact('procedure', 'procedure_code'),
    ...(detailed ? [fact('official', 'official_code')] : []),
    fact('channel', 'channel'),
    fact('flagged', 'flagged'),
  ];
  const ids = [...listCriteria(def).map((c) => c.id), ...def.questions.map((q) => q.id)];
  return [...facts, ...ids.map((id) => ({ header: id, answerId: id, value: (_: ExportRow, answers: Answers) => answerCell(answers[id]) }))];
}

/** The ids of the answer columns, in their order. */
export const answerIdsOf = (columns: readonly ResponseColumn[]): string[] => columns.flatMap((c) => (c.answerId === undefined ? [] : [c.answerId]));

/** The cells of one response, in column order. */
export function responseCells(columns: readonly ResponseColumn[], row: ExportRow): Cell[] {
  const answers = JSON.parse(row.answers) as Answers;
  return columns.map((c) => c.value(row, answers));
}

/**
 * The CSV records of responses, as responseCsvLine writes them, but with the answers read from
 * their text without making an object of them (answer-cells.ts): the export of a million responses
 * spent most of its time there. Text in any other form goes through responseCsvLine.
 */
export function responseCsvLines(columns: readonly ResponseColumn[]): (row: ExportRow) => string {
  const first = columns.findIndex((c) => c.answerId !== undefined);
  const facts = columns.slice(0, first);
  const answered = columns.slice(first);
  // The layout responseColumns makes: facts, then answers (a questionnaire has at least one), each
  // id once (the definition's schema refuses an id used twice; two columns of one id would each
  // need the cell the reader writes for only one of them).
  const ids = answered.map((c) => c.answerId);
  const plain = first >= 0 && ids.every((id): id is string => id !== undefined) && new Set(ids).size === ids.length;
  if (!plain) return (row) => responseCsvLine(columns, row);
  const answers = new AnswerCells(ids, (value) => csvCell(answerCell(value)));
  const factCells = facts.map((column) => repeatedCell(column));
  return (row) => {
    const cells = answers.empty();
    if (!answers.read(row.answers, cells)) return responseCsvLine(columns, row);
    let line = '';
    for (const cell of factCells) line += `${cell(row)},`;
    return `${line}${cells.join(',')}\r\n`;
  };
}

const noAnswers: Answers = {};

/**
 * The CSV cell of a fact column, written again only when its value is not the last row's: rows in
 * time order share their date, unit, procedure and channel with the row before most of the time.
 */
function repeatedCell(column: ResponseColumn): (row: ExportRow) => string {
  const { field } = column;
  let lastValue: Cell | undefined;
  let lastCell = '';
  return (row) => {
    // A field is read as it is, not through a call that differs from column to column.
    const value = field === undefined ? column.value(row, noAnswers) : (row[field] as Cell);
    if (value !== lastValue) {
      lastValue = value;
      lastCell = csvCell(value);
    }
    return lastCell;
  };
}

/** The CSV record of one response: csvLine(responseCells(…)) without the two arrays per row. */
export function responseCsvLine(columns: readonly ResponseColumn[], row: ExportRow): string {
  const answers = JSON.parse(row.answers) as Answers;
  let line = csvCell(columns[0]!.value(row, answers));
  for (let i = 1; i < columns.length; i++) line += `,${csvCell(columns[i]!.value(row, answers))}`;
  return `${line}\r\n`;
}
