// When a figure about one named official may be shown. Below 5 responses it is withheld (never
// shown as zero), and, so that no arithmetic on other figures gives it away:
//   - it exists only for a whole calendar month, quarter or year that has ended: two ranges that
//     differ by a day, or a running month read again tomorrow, would otherwise differ by one
//     person's answers;
//   - it exists only as a whole: no procedure or channel filter, no repeated taps or unverified
//     answers added, which would otherwise split it into pieces to subtract;
//   - enough other officials' figures are withheld beside it (official-lattice.ts).
import { periodOf, type Period } from './periods';
import { withheldCard, type ScoreCard, type WithheldReason } from './score-card';
import type { ScoreFilter } from './score-report';

export const OFFICIAL_MIN_RESPONSES = 5;

const GRAINS = ['month', 'quarter', 'year'] as const;

/** The whole calendar period a filter covers, or why per-official figures cannot be given for it. */
export function officialPeriod(filter: ScoreFilter, today: string): { ok: true; period: Period } | { ok: false; reason: WithheldReason } {
  if (filter.procedure !== undefined || filter.channel !== undefined || filter.includeFlagged || filter.includeUnverified) return { ok: false, reason: 'filtered' };
  if (!filter.from || !filter.to) return { ok: false, reason: 'not_whole_period' };
  const period = GRAINS.map((g) => periodOf(filter.from!, g)).find((p) => p.from === filter.from && p.to === filter.to);
  if (!period) return { ok: false, reason: 'not_whole_period' };
  if (period.to >= today) return { ok: false, reason: 'period_not_ended' };
  return { ok: true, period };
}

/** The card as it may be shown, given why it is withheld (null: it may be shown). */
export function guardCard(card: ScoreCard, reason: WithheldReason | null): ScoreCard {
  return reason ? withheldCard(card.responses, reason) : card;
}
