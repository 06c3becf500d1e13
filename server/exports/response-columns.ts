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
}

/** Options of a multiple choice are joined with "|", which no option id contains. */
export const MULTI_SEPARATOR = '|';

const answerCell = (value: AnswerValue | undefined): Cell => (value === undefined ? null : Array.isArray(value) ? value.join(MULTI_SEPARATOR) : value);

/**
 * The export columns for `def`; a rating is its level, 0 for "no opinion", empty when unanswered.
 * The exact time and the official are there only in a detailed export (raw-rows.ts).
 */
export function responseColumns(def: SurveyDefinition, rows: RawRows = 'anonymous'): ResponseColumn[] {
  const detailed = rows === 'detailed';
  const facts: ResponseColumn[] = [
    { header: 'id', value: (r) => r.id },
    ...(detailed ? [{ header: 'submitted_at', value: (r: ExportRow) => r.submitted_at }] : []),
    { header: 'local_date', value: (r) => r.local_date },
    { header: 'survey_version', value: (r) => r.survey_version },
    { header: 'unit', value: (r) => r.unit_code },
    { header: 'procedure', value: (r) => r.procedure_code },
    ...(detailed ? [{ header: 'official', value: (r: ExportRow) => r.official_code }] : []),
    { header: 'channel', value: (r) => r.channel },
    { header: 'flagged', value: (r) => r.flagged },
  ];
  const ids = [...listCriteria(def).map((c) => c.id), ...def.questions.map((q) => q.id)];
  return [...facts, ...ids.map((id) => ({ header: id, answerId: id, value: (_: ExportRow, answers: Answers) => answerCell(answers[id]) }))];
}

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
  const noAnswers: Answers = {};
  return (row) => {
    const cells = answers.empty();
    if (!answers.read(row.answers, cells)) return responseCsvLine(columns, row);
    let line = '';
    for (const column of facts) line += `${csvCell(column.value(row, noAnswers))},`;
    return `${line}${cells.join(',')}\r\n`;
  };
}

/** The CSV record of one response: csvLine(responseCells(…)) without the two arrays per row. */
export function responseCsvLine(columns: readonly ResponseColumn[], row: ExportRow): string {
  const answers = JSON.parse(row.answers) as Answers;
  let line = csvCell(columns[0]!.value(row, answers));
  for (let i = 1; i < columns.length; i++) line += `,${csvCell(columns[i]!.value(row, answers))}`;
  return `${line}\r\n`;
}
