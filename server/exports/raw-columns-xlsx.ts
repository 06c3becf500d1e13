// How the raw-responses columns read in Excel, where people print and filter them: names instead
// of codes (each code kept in a column of its own), times as date cells in Vietnam time, each
// question headed by its text. The CSV keeps the plain columns for machines
// (response-columns.ts); this only dresses them, so columns added or dropped there follow here.
import type { AnswerValue } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { ExportRow } from '../repos/response-pages';
import { answerCell, answerIdsOf, type ResponseColumn } from './response-columns';
import { criterionText, localized, type ReportContext } from './report-context';
import { DATE, DATE_TIME } from './sheet-print';

export type XlsxCell = string | number | Date | null;

/** A row's answers in the order of its export's answer columns (answerIdsOf; read by answerValues in answer-cells.ts); null where unanswered. */
export type AnswerRow = readonly (AnswerValue | null)[];

export interface XlsxColumn {
  header: string;
  /** The id or field it comes from, shown in the second header row. */
  source: string;
  width: number;
  numFmt?: string;
  /** Its texts are few and repeat (names, codes, labels): written as shared strings (row-xml.ts). */
  shared?: true;
  value(row: ExportRow, answers: AnswerRow): XlsxCell;
}

const noAnswers = {};

const VIETNAM_MS = 7 * 3_600_000;
/** Excel cells have no time zone: a Vietnam wall-clock time is written as if it were UTC. */
const vietnamWallClock = (iso: string) => new Date(Date.parse(iso) + VIETNAM_MS);

/** The XLSX columns for the plain export columns, in the same order. */
export function xlsxResponseColumns(ctx: ReportContext, columns: readonly ResponseColumn[]): XlsxColumn[] {
  const { t, def, org, lang } = ctx;
  const name = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const lookup = <T extends { code: string }>(list: readonly T[], label: (x: T) => string) => {
    const byCode = new Map(list.map((x) => [x.code, label(x)]));
    return (code: unknown) => (typeof code === 'string' && code ? (byCode.get(code) ?? code) : null);
  };
  const unit = lookup(org.units, (u) => name(u.name_vi, u.name_en));
  const procedure = lookup(org.procedures, (p) => name(p.name_vi, p.name_en));
  const official = lookup(org.officials, (o) => o.full_name);
  const criteria = new Set(listCriteria(def).map((c) => c.id));
  // Looked up once per channel, not once per row.
  const channels = new Map<string, string>();
  const channelName = (c: string) => channels.get(c) ?? channels.set(c, t(`scores.channels.${c}`)).get(c)!;

  const position = new Map(answerIdsOf(columns).map((id, k) => [id, k]));

  return columns.flatMap((column): XlsxColumn[] => {
    const k = column.answerId === undefined ? undefined : position.get(column.answerId)!;
    // A fact is read off the row; an answer by its position in the row's answers.
    const raw = k === undefined ? (row: ExportRow) => column.value(row, noAnswers) : (_: ExportRow, answers: AnswerRow) => answerCell(answers[k] ?? undefined);
    const coded = (label: string, width: number, nameOf: (code: unknown) => string | null): XlsxColumn[] => [
      { header: label, source: column.header, width, shared: true, value: (r, a) => nameOf(raw(r, a)) },
      { header: t('scores.xlsx.codeOf', { what: label }), source: column.header, width: 12, shared: true, value: (r, a) => raw(r, a) || null },
    ];
    switch (column.header) {
      case 'id': return [{ header: t('raw.id'), source: 'id', width: 38, value: raw }];
      case 'submitted_at': return [{ header: t('raw.submittedAt'), source: 'submitted_at', width: 18, numFmt: DATE_TIME, value: (r, a) => { const v = raw(r, a); return typeof v === 'string' ? vietnamWallClock(v) : null; } }];
      case 'local_date': {
        // Rows come in time order: a day's date is made once, not parsed again for each of its rows.
        let day: unknown;
        let date: Date | null = null;
        return [{ header: t('raw.localDate'), source: 'local_date', width: 12, numFmt: DATE, value: (r, a) => {
          const v = raw(r, a);
          if (v !== day) {
            day = v;
            date = typeof v === 'string' ? new Date(`${v}T00:00:00.000Z`) : null;
          }
          return date;
        } }];
      }
      case 'survey_version': return [{ header: t('raw.version'), source: 'survey_version', width: 9, value: raw }];
      case 'unit': return coded(t('raw.unit'), 32, unit);
      case 'procedure': return coded(t('raw.procedure'), 32, procedure);
      case 'official': return coded(t('raw.official'), 24, official);
      case 'channel': return coded(t('raw.channel'), 20, (c) => (typeof c === 'string' && c ? channelName(c) : null));
      case 'flagged': return [{ header: t('raw.flagged'), source: 'flagged', width: 12, shared: true, value: (r, a) => (raw(r, a) ? t('raw.yes') : null) }];
    }
    if (criteria.has(column.header)) return [{ header: criterionText(ctx, column.header), source: column.header, width: 14, value: raw }];
    const question = def.questions.find((q) => q.id === column.header);
    if (!question) return [{ header: column.header, source: column.header, width: 14, value: raw }];
    const text = localized(question.text, lang);
    if (question.type === 'text') return [{ header: text, source: question.id, width: 40, value: raw }];
    // Reversed: the first option of an id wins, as find() had it.
    const labels = new Map(question.options.map((o) => [o.id, localized(o.label, lang) || o.id] as const).reverse());
    const label = (id: string) => labels.get(id) ?? id;
    return [
      { header: text, source: question.id, width: 22, shared: true, value: (_, a) => { const v = k === undefined ? null : a[k]; return Array.isArray(v) ? v.map(label).join('; ') : typeof v === 'string' ? label(v) : null; } },
      { header: t('scores.xlsx.codeOf', { what: text }), source: question.id, width: 12, shared: true, value: raw },
    ];
  });
}
