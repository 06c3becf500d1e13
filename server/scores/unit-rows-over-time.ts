// The unit breakdown when the organisation changed within the range: each unit's row sums, stretch
// by stretch, the units it covered then, so a department's first half-year still counts the
// counter that left it in July, and a merged commune's new unit shows the trend of the old ones.
import { overlap, readTallies, type CountFilter } from '../repos/score-counts';
import { emptyTally, mergeInto, type Tally } from '../scoring/tally';
import { coverAt, structureSpans, type UnitChange } from '../scoring/unit-history';
import type { UnitNode } from '../scoring/unit-tree';
import type { ScoreSources } from './compute-scores';

/** The tally of each of `codes` through the structure of each date; undefined when today's tree holds throughout. */
export async function unitTalliesOverTime(src: ScoreSources, counts: CountFilter, codes: readonly string[]): Promise<Map<string, Tally> | undefined> {
  const changes: readonly UnitChange[] = src.org.changes ?? [];
  const units: readonly UnitNode[] = src.org.units;
  const spans = structureSpans(units, changes, counts.from, counts.to);
  if (spans.length === 1 && !changes.some((c) => counts.from === undefined || c.effectiveFrom > counts.from!)) return undefined;
  const out = new Map(codes.map((c) => [c, emptyTally()]));
  const { spans: _, ...base } = counts;
  for (const span of spans) {
    const covers = new Map(codes.map((c) => [c, coverAt(span.tree, changes, c, span.asOf)]));
    const needed = [...new Set([...covers.values()].flat())];
    const dates = overlap(counts, span);
    if (!dates) continue;
    const { groups } = await readTallies(src.db, { ...base, ...dates, units: needed }, 'unit_code');
    for (const [code, cover] of covers) for (const c of cover) { const t = groups.get(c); if (t) mergeInto(out.get(code)!, t); }
  }
  return out;
}
