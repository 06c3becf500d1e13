// What the XLSX and the printed report say about a report besides its figures: the unit's name,
// the period, the names of elements, criteria and breakdown rows, in the chosen language.
import type { LocalizedText, SurveyDefinition } from '../../survey-defs/schema';
import { listCriteria } from '../../survey-defs/criteria';
import type { Organisation } from '../scores/compute-scores';
import type { Breakdown, BreakdownRow, ScoreReport } from '../scoring/score-report';
import type { RawRows } from './raw-rows';
import type { Text } from './staff-text';

export interface ReportContext {
  report: ScoreReport;
  def: SurveyDefinition;
  org: Organisation;
  lang: string;
  t: Text;
  /** How much of each raw response the file carries (raw-rows.ts); 'none' leaves the rows out. */
  rawRows: RawRows;
}

export const localized = (text: LocalizedText | undefined, lang: string) => (text ? (text[lang] ?? text.vi) : '');

/** 31/03/2026 */
export const displayDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export function unitName(ctx: ReportContext): string {
  const unit = ctx.org.units.find((u) => u.code === ctx.report.filter.unit);
  return unit ? (ctx.lang === 'vi' ? unit.name_vi : unit.name_en) : ctx.t('scores.report.allUnits');
}

export function periodText(ctx: ReportContext): string {
  const { from, to } = ctx.report.filter;
  if (!from && !to) return ctx.t('scores.report.allTime');
  return `${from ? displayDate(from) : '…'} – ${to ? displayDate(to) : '…'}`;
}

export function elementTitle(ctx: ReportContext, id: string): string {
  return localized(ctx.def.elements.find((e) => e.id === id)?.title, ctx.lang) || id;
}

export function criterionText(ctx: ReportContext, id: string): string {
  return localized(listCriteria(ctx.def).find((c) => c.id === id)?.text, ctx.lang) || id;
}

/** A breakdown's title: "By unit", "By month", or the demographic question's text. */
export function breakdownTitle(ctx: ReportContext, b: Breakdown): string {
  if (b.kind !== 'question') return ctx.t(`scores.by.${b.by}`);
  return localized(ctx.def.questions.find((q) => q.id === b.by)?.text, ctx.lang) || b.by;
}

/** A breakdown row's name: unit or procedure name, official, channel, period, option; '' = not given. */
export function rowName(ctx: ReportContext, b: Breakdown, row: BreakdownRow): string {
  if (row.label) return localized(row.label, ctx.lang);
  if (b.by === 'channel' && row.key) return ctx.t(`scores.channels.${row.key}`);
  if (b.kind === 'period') return row.key;
  return row.key || ctx.t('scores.notGiven');
}
