// The themes of a score filter: counts read from the stored texts and their themes, figures from
// server/scoring/theme-figures.ts, and a few example texts under the scores' withholding.
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/database';
import { redactText } from '../feedback/redact-text';
import { readTallies, type CountFilter } from '../repos/score-counts';
import { OFFICIAL_MIN_RESPONSES } from '../scoring/official-privacy';
import { previousPeriod } from '../scoring/previous-period';
import type { WithheldReason } from '../scoring/score-card';
import { themeFigures, type ThemeCount, type ThemeCounts, type ThemeFigure } from '../scoring/theme-figures';
import type { ThemeLexicon } from './lexicon-schema';

export const EXAMPLES_PER_THEME = 3;

export interface ThemeExample {
  /** The text's id, for staff to add or remove a theme on it. */
  id: string;
  /** The Vietnam date (never the time). */
  date: string;
  source: 'response' | 'feedback';
  /** Phone numbers and e-mail addresses masked. */
  text: string;
}

export interface ThemeReport {
  withheld: boolean;
  withheldReason?: WithheldReason;
  texts: number;
  previous: { from: string; to: string; texts: number } | null;
  themes: (ThemeFigure & { examples: ThemeExample[] })[];
}

type TextsEb = ExpressionBuilder<Database, 'theme_texts'>;
interface Range {
  from?: string;
  to?: string;
}

// The filter of the scores, on the texts: a survey's suggestions, and the feedback items of the
// same units (these name no official, so they are left out when one is asked about).
function textFilter(eb: TextsEb, f: CountFilter, range: Range): Expression<SqlBool> {
  // Feedback texts are stored under survey '' (they answer no questionnaire), so one index serves both.
  const all: Expression<SqlBool>[] = [f.official === undefined ? eb('theme_texts.survey_id', 'in', [f.surveyId, '']) : eb('theme_texts.survey_id', '=', f.surveyId)];
  if (range.from) all.push(eb('theme_texts.local_date', '>=', range.from));
  if (range.to) all.push(eb('theme_texts.local_date', '<=', range.to));
  if (f.units) all.push(eb('theme_texts.unit_code', 'in', f.units.length ? [...f.units] : ['\u0000']));
  if (f.procedure !== undefined) all.push(eb('theme_texts.procedure_code', '=', f.procedure));
  if (f.official !== undefined) all.push(eb('theme_texts.official_code', '=', f.official));
  if (f.channel !== undefined) all.push(eb('theme_texts.channel', '=', f.channel));
  if (!f.includeFlagged) all.push(eb('theme_texts.flagged', '=', 0));
  if (!f.includeUnverified) all.push(eb('theme_texts.verified', '=', 1));
  return eb.and(all);
}

// The joined queries see theme_texts under the same name, so the filter applies unchanged.
const onTexts = (eb: unknown) => eb as TextsEb;

const toCount = (r: { texts: unknown; rated: unknown; dissatisfied: unknown }): ThemeCount => ({ texts: Number(r.texts), rated: Number(r.rated ?? 0), dissatisfied: Number(r.dissatisfied ?? 0) });

/** The number of texts in the filter, and per theme, with their rating facts. */
export async function readThemeCounts(db: Kysely<Database>, f: CountFilter, range: Range): Promise<ThemeCounts> {
  const total = await db
    .selectFrom('theme_texts')
    .where((eb) => textFilter(eb, f, range))
    .select((eb) => [eb.fn.countAll<number>().as('texts'), eb.fn.sum<number>('theme_texts.rated').as('rated'), eb.fn.sum<number>('theme_texts.dissatisfied').as('dissatisfied')])
    .executeTakeFirstOrThrow();
  const grouped = await db
    .selectFrom('text_themes')
    .innerJoin('theme_texts', 'theme_texts.id', 'text_themes.text_id')
    .where('text_themes.removed', '=', 0)
    .where((eb) => textFilter(onTexts(eb), f, range))
    .select((eb) => ['text_themes.theme_id', eb.fn.countAll<number>().as('texts'), eb.fn.sum<number>('theme_texts.rated').as('rated'), eb.fn.sum<number>('theme_texts.dissatisfied').as('dissatisfied')])
    .groupBy('text_themes.theme_id')
    .execute();
  return { total: toCount(total), byTheme: new Map(grouped.map((r) => [r.theme_id, toCount(r)])) };
}

/**
 * The officials whose texts may be shown: those with at least 5 verified, unflagged responses
 * over the range (people recognise words as well as figures).
 */
async function officialsShown(db: Kysely<Database>, f: CountFilter, range: Range): Promise<string[]> {
  const tallies = await readTallies(db, { surveyId: f.surveyId, from: range.from, to: range.to, units: null, includeFlagged: false, includeUnverified: false }, 'official_code');
  return [...tallies.groups].filter(([code, t]) => code !== '' && t.responses >= OFFICIAL_MIN_RESPONSES).map(([code]) => code);
}

/** Up to 3 texts per theme, newest first, in one pass: a window over the period's tagged texts. */
async function readExamples(db: Kysely<Database>, f: CountFilter, range: Range, shown: readonly string[]): Promise<Map<string, ThemeExample[]>> {
  const ranked = db
    .selectFrom('text_themes')
    .innerJoin('theme_texts', 'theme_texts.id', 'text_themes.text_id')
    .where('text_themes.removed', '=', 0)
    .where('theme_texts.text', '!=', '') // blanked by retention
    .where((eb) => textFilter(onTexts(eb), f, range))
    .where((eb) => (shown.length ? eb.or([eb('theme_texts.official_code', '=', ''), eb('theme_texts.official_code', 'in', [...shown])]) : eb('theme_texts.official_code', '=', '')))
    .select((eb) => [
      'text_themes.theme_id',
      'theme_texts.id',
      'theme_texts.local_date',
      'theme_texts.source',
      'theme_texts.text',
      'theme_texts.submitted_at',
      eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('text_themes.theme_id').orderBy('theme_texts.submitted_at', 'desc').orderBy('theme_texts.id', 'desc')).as('rank'),
    ]);
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', EXAMPLES_PER_THEME).orderBy('theme_id').orderBy('rank').execute();
  const out = new Map<string, ThemeExample[]>();
  for (const r of rows) {
    const list = out.get(r.theme_id) ?? [];
    list.push({ id: r.id, date: r.local_date, source: r.source === 'feedback' ? 'feedback' : 'response', text: redactText(r.text, []) });
    out.set(r.theme_id, list);
  }
  return out;
}

/**
 * The themes of a filter whose units are resolved. `withheld` comes from the scores' own guard
 * when one official is asked about: then nothing is shown, neither figures nor texts.
 */
export async function themeReport(db: Kysely<Database>, lexicon: ThemeLexicon, f: CountFilter, withheld: WithheldReason | null): Promise<ThemeReport> {
  const range = { from: f.from, to: f.to };
  if (withheld) return { withheld: true, withheldReason: withheld, texts: 0, previous: null, themes: [] };
  const current = await readThemeCounts(db, f, range);
  const before = range.from && range.to ? previousPeriod({ from: range.from, to: range.to }) : null;
  const previous = before ? await readThemeCounts(db, f, before) : null;
  const shown = await officialsShown(db, f, range);
  const figures = themeFigures(lexicon.themes, current, previous);
  const examples = await readExamples(db, f, range, shown);
  const themes = figures.map((figure) => ({ ...figure, examples: examples.get(figure.id) ?? [] }));
  return { withheld: false, texts: current.total.texts, previous: before && previous ? { ...before, texts: previous.total.texts } : null, themes };
}
