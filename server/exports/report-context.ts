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
  /** When the report was made (the title block says so, in Vietnam time). */
  now: Date;
}

/** Elements are numbered I, II … in Vietnamese reports; criteria 1, 2 … */
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export const localized = (text: LocalizedText | undefined, lang: string) => (text ? (text[lang] ?? text.vi) : '');

/** 31/03/2026 */
export const displayDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The agency at the top of the unit tree the report is about. A report on the whole organisation
 * of a server that serves several agencies (since 2025 a province's board beside a commune's
 * centre, say) names each of them.
 */
export function agencyName(ctx: ReportContext): string {
  const { units } = ctx.org;
  const name = (u: (typeof units)[number]) => (ctx.lang === 'vi' ? u.name_vi : u.name_en);
  let unit = units.find((u) => u.code === ctx.report.filter.unit);
  for (let guard = 0; unit?.parent_code && guard < 50; guard++) unit = units.find((u) => u.code === unit!.parent_code) ?? unit;
  if (unit) return name(unit);
  return units.filter((u) => u.parent_code === null).map(name).join(' · ');
}

/** 31/03/2026 14:05, Vietnam time. */
export function displayDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return `${displayDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** "03/2026" for a month key "2026-03", "Quý 1/2026" for "2026-Q1", the key itself otherwise. */
export function periodLabel(ctx: ReportContext, key: string): string {
  if (/^\d{4}-\d{2}$/.test(key)) return `${key.slice(5)}/${key.slice(0, 4)}`;
  const quarter = /^(\d{4})-Q(\d)$/.exec(key);
  if (quarter) return ctx.t('scores.xlsx.quarter', { q: quarter[2]!, year: quarter[1]! });
  return key;
}

/** What a figure's note says: no valid answer at all, or a small sample; '' otherwise. */
export function sampleNote(ctx: ReportContext, f: { index: number | null; smallSample: boolean }): string {
  if (f.index === null) return ctx.t('scores.noData');
  return f.smallSample ? ctx.t('scores.smallSample') : '';
}

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
