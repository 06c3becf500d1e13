// Complementary cell suppression: a figure resting on fewer than `threshold` responses is
// withheld (primary), and more figures are withheld (secondary) until none of the withheld ones
// can be computed from the published ones by subtraction. Pure and deterministic, so every request
// that shows a cell takes the same decision about it.
//
// The published figures form partitions: a total and the parts it splits into (a unit's responses
// into its officials' and those without an official; an official's year into quarters; a quarter
// into months). For each partition:
//   - a published total's withheld parts are either none, or at least two with together at least
//     `threshold` responses: subtracting the published parts then gives only a sum of several;
//   - a withheld total keeps at least one part withheld, so it is not the sum of published parts.
// Secondary suppression takes the smallest published part first (ties by key), the usual rule,
// and partitions are mended smallest total first: a counter's own officials protect each other
// before its parent unit looks further afield for a second cell.

export interface Partition {
  total: string;
  parts: readonly string[];
}

export interface SuppressionInput {
  /** Responses behind each cell; a cell not listed has none. */
  counts: ReadonlyMap<string, number>;
  partitions: readonly Partition[];
  /** Cells withheld whatever their count (e.g. never published at all). */
  primary?: Iterable<string>;
  /** Cells that are always published (e.g. a unit's own totals): never chosen for suppression. */
  fixed?: ReadonlySet<string>;
  threshold?: number;
}

export interface Suppression {
  withheld: ReadonlySet<string>;
  /** Withheld only to protect others (they have enough responses themselves). */
  secondary: ReadonlySet<string>;
}

export const MIN_CELL_RESPONSES = 5;

export function suppressCells(input: SuppressionInput): Suppression {
  const threshold = input.threshold ?? MIN_CELL_RESPONSES;
  const n = (cell: string) => input.counts.get(cell) ?? 0;
  const fixed = input.fixed ?? new Set<string>();
  const withheld = new Set<string>(input.primary ?? []);
  for (const [cell, count] of input.counts) if (count > 0 && count < threshold && !fixed.has(cell)) withheld.add(cell);
  const secondary = new Set<string>();
  const suppress = (cell: string) => {
    withheld.add(cell);
    if (n(cell) >= threshold) secondary.add(cell);
  };
  const byTotal = [...input.partitions].sort((a, b) => n(a.total) - n(b.total) || (a.total < b.total ? -1 : a.total > b.total ? 1 : 0));
  // Each pass can only withhold more, so this ends after at most one pass per cell.
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of byTotal) {
      const live = p.parts.filter((c) => n(c) > 0);
      const hidden = live.filter((c) => withheld.has(c));
      const totalWithheld = withheld.has(p.total);
      const safe = totalWithheld
        ? n(p.total) === 0 || hidden.length > 0 || live.length === 0
        : hidden.length === 0 || (hidden.length >= 2 && hidden.reduce((s, c) => s + n(c), 0) >= threshold);
      if (safe) continue;
      const candidate = live
        .filter((c) => !withheld.has(c) && !fixed.has(c))
        .sort((a, b) => n(a) - n(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
      if (candidate) suppress(candidate);
      else if (!totalWithheld && !fixed.has(p.total)) suppress(p.total);
      else continue; // nothing left to withhold here: the fixed total is what it is
      changed = true;
    }
  }
  return { withheld, secondary };
}
