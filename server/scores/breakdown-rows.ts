// The rows of each kind of breakdown. Dimensions and periods come from the aggregate counts; a
// demographic question has no joint distribution there, so only that breakdown scans responses.
import { countableAnswers, type Answers } from '../../survey-defs/check-answers';
import { CHANNELS } from '../responses/response-body';
import { forEachResponsePage } from '../repos/response-pages';
import { readTallies, type CountFilter, type CountGroup } from '../repos/score-counts';
import { guardCard } from '../scoring/official-privacy';
import { periodOf, type Period, type PeriodGrain } from '../scoring/periods';
import { scoreCard } from '../scoring/score-card';
import type { BreakdownRow, Dimension } from '../scoring/score-report';
import { addResponse, emptyTally, mergeInto, type Tally } from '../scoring/tally';
import { rollUpUnits } from '../scoring/unit-rollup';
import { addDays } from '../scoring/vietnam-time';
import type { ScoreSources } from './compute-scores';
import type { OfficialGuard } from './official-guard';
import type { CoveredUnits } from './score-scope';
import { unitTalliesOverTime } from './unit-rows-over-time';

const COLUMN: Record<Dimension, CountGroup> = { unit: 'unit_code', procedure: 'procedure_code', official: 'official_code', channel: 'channel' };
/** Periods are listed even when empty (so a trend shows its gaps), up to this many. */
const MAX_FILLED_PERIODS = 1000;

/** The official a report is about (its filter), and the withholding of per-official figures. */
export interface OfficialRows {
  official: string | undefined;
  guard: OfficialGuard | undefined;
}

export async function dimensionRows(src: ScoreSources, counts: CountFilter, covered: CoveredUnits, by: Dimension, o: OfficialRows): Promise<BreakdownRow[]> {
  const { groups } = await readTallies(src.db, counts, COLUMN[by]);
  const row = (key: string, tally: Tally | undefined, extra: Partial<BreakdownRow> = {}): BreakdownRow => {
    const card = scoreCard(src.def, tally ?? emptyTally());
    // A row of one official's report is a piece of it; a row of the officials' table is one of them.
    const reason = o.official !== undefined && by !== 'official' ? 'filtered' : by === 'official' && key !== '' ? o.guard!.reason(key, card.responses) : null;
    return { key, ...extra, ...guardCard(card, reason) };
  };
  const rest = (known: string[]) => [...groups.keys()].filter((k) => !known.includes(k)).sort();
  switch (by) {
    case 'unit': {
      const tree = rollUpUnits(src.org.units, covered.root, groups);
      // A move or merge within the range: each row through the structure of each date instead.
      const overTime = await unitTalliesOverTime(src, counts, tree.map((u) => u.code));
      const rows = tree.map((u) => {
        const unit = src.org.units.find((x) => x.code === u.code)!;
        return row(u.code, overTime?.get(u.code) ?? u.tally, { label: { vi: unit.name_vi, en: unit.name_en }, parent: u.parent, depth: u.depth });
      });
      // Responses without a unit (or with a unit since removed) are shown, for completeness, to those who see everything.
      const shown = rows.map((r) => r.key);
      return covered.units === null ? [...rows, ...rest(shown).map((k) => row(k, groups.get(k), { depth: 0 }))] : rows;
    }
    case 'procedure': {
      const known = src.org.procedures.filter((p) => groups.has(p.code));
      return [...known.map((p) => row(p.code, groups.get(p.code), { label: { vi: p.name_vi, en: p.name_en } })), ...rest(known.map((p) => p.code)).map((k) => row(k, groups.get(k)))];
    }
    case 'official': {
      const known = src.org.officials.filter((o) => groups.has(o.code));
      return [...known.map((o) => row(o.code, groups.get(o.code), { label: { vi: o.full_name } })), ...rest(known.map((o) => o.code)).map((k) => row(k, groups.get(k)))];
    }
    case 'channel': {
      const order = [...CHANNELS, ...rest([...CHANNELS])];
      return order.filter((c) => groups.has(c)).map((c) => row(c, groups.get(c)));
    }
  }
}

export async function periodRows(src: ScoreSources, counts: CountFilter, grain: PeriodGrain, o: OfficialRows): Promise<BreakdownRow[]> {
  // Days and weeks cut across months, so they are read from the daily counts alone.
  const { groups } = await readTallies(src.db, counts, 'local_date', grain === 'day' || grain === 'week');
  const periods = new Map<string, { period: Period; tally: Tally }>();
  for (const p of listPeriods(counts.from, counts.to, grain)) periods.set(p.key, { period: p, tally: emptyTally() });
  for (const [date, tally] of groups) {
    const period = periodOf(date, grain);
    const known = periods.get(period.key) ?? { period, tally: emptyTally() };
    periods.set(period.key, known);
    mergeInto(known.tally, tally);
  }
  return [...periods.values()]
    .sort((a, b) => (a.period.from < b.period.from ? -1 : 1))
    .map(({ period, tally }) => {
      const card = scoreCard(src.def, tally);
      // One official's months or quarters are cells of the same lattice; days and weeks are not.
      const reason = o.official === undefined ? null : grain === 'day' || grain === 'week' ? 'not_whole_period' : o.guard!.reason(o.official, card.responses, period.key);
      return { key: period.key, from: period.from, to: period.to, ...guardCard(card, reason) };
    });
}

function listPeriods(from: string | undefined, to: string | undefined, grain: PeriodGrain): Period[] {
  if (!from || !to) return [];
  const out: Period[] = [];
  for (let p = periodOf(from, grain); p.from <= to && out.length < MAX_FILLED_PERIODS; p = periodOf(addDays(p.to, 1), grain)) out.push(p);
  return out.length < MAX_FILLED_PERIODS ? out : [];
}

export async function questionRows(src: ScoreSources, counts: CountFilter, questionId: string, o: OfficialRows): Promise<BreakdownRow[]> {
  const question = src.def.questions.find((q) => q.id === questionId);
  if (!question || question.type !== 'single') return [];
  const tallies = new Map<string, Tally>(question.options.map((o) => [o.id, emptyTally()]));
  await forEachResponsePage(src.reader, counts, (rows) => {
    for (const r of rows) {
      const answers = JSON.parse(r.answers) as Answers;
      const option = answers[questionId];
      const key = typeof option === 'string' && tallies.has(option) ? option : '';
      if (!tallies.has(key)) tallies.set(key, emptyTally());
      addResponse(tallies.get(key)!, countableAnswers(src.def, answers));
    }
  });
  return [...tallies].map(([key, tally]) => ({
    key,
    ...(key ? { label: question.options.find((o) => o.id === key)!.label } : {}),
    ...guardCard(scoreCard(src.def, tally), o.official === undefined ? null : 'filtered'),
  }));
}
