// Theme figures from counts: how often each theme comes up among the texts of a period, how that
// share moved since the period before, and whether texts with the theme come with dissatisfied
// ratings more often than texts without it (Wilson intervals). Pure.
import { wilsonInterval } from './wilson';

export interface ThemeCount {
  texts: number;
  /** Texts whose response rated at least one criterion. */
  rated: number;
  /** Of those, the ones with a criterion rated on a dissatisfied level. */
  dissatisfied: number;
}

export interface ThemeCounts {
  total: ThemeCount;
  byTheme: ReadonlyMap<string, ThemeCount>;
}

export interface DissatisfiedShare {
  rated: number;
  dissatisfied: number;
  /** Percent of the rated texts; null without any. */
  percent: number | null;
  ci95: [number, number] | null;
}

export interface ThemeFigure {
  id: string;
  label: { vi: string; en: string };
  texts: number;
  /** Percent of all texts in the period; null when there are none. */
  share: number | null;
  previous: { texts: number; share: number | null } | null;
  /** Change of the share since the previous period, in percentage points. */
  change: number | null;
  withTheme: DissatisfiedShare;
  withoutTheme: DissatisfiedShare;
}

const EMPTY: ThemeCount = { texts: 0, rated: 0, dissatisfied: 0 };
// Rounded to two decimals where computed, like every other figure that leaves the server.
const round2 = (x: number) => Math.round(x * 100) / 100;
const percent = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : null);
const interval = (part: number, whole: number): [number, number] | null => {
  const ci = wilsonInterval(part, whole);
  return ci && [round2(ci[0]), round2(ci[1])];
};
const shareOf = (rated: number, dissatisfied: number): DissatisfiedShare => ({ rated, dissatisfied, percent: percent(dissatisfied, rated), ci95: interval(dissatisfied, rated) });

/** One figure per theme, in the lexicon's order. */
export function themeFigures(themes: readonly { id: string; label: { vi: string; en: string } }[], current: ThemeCounts, previous: ThemeCounts | null): ThemeFigure[] {
  return themes.map(({ id, label }) => {
    const now = current.byTheme.get(id) ?? EMPTY;
    const share = percent(now.texts, current.total.texts);
    const before = previous ? (previous.byTheme.get(id) ?? EMPTY) : null;
    const beforeShare = before && previous ? percent(before.texts, previous.total.texts) : null;
    return {
      id,
      label,
      texts: now.texts,
      share,
      previous: before && previous ? { texts: before.texts, share: beforeShare } : null,
      change: share !== null && beforeShare !== null ? round2(share - beforeShare) : null,
      withTheme: shareOf(now.rated, now.dissatisfied),
      withoutTheme: shareOf(current.total.rated - now.rated, current.total.dissatisfied - now.dissatisfied),
    };
  });
}
