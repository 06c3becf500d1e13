// The periods the public page shows: the current and the previous year, and their quarters up to
// the current one. A period still running is marked partial.
import { periodOf } from '../scoring/periods';

export interface ResultPeriod {
  /** "2026" or "2026-Q1". */
  key: string;
  kind: 'year' | 'quarter';
  from: string;
  /** The last day counted: the period's end, or today while it runs. */
  to: string;
  partial: boolean;
}

export function resultPeriods(today: string): ResultPeriod[] {
  const year = Number(today.slice(0, 4));
  const out: ResultPeriod[] = [];
  for (const y of [year, year - 1]) {
    const whole = periodOf(`${y}-01-01`, 'year');
    out.push({ key: whole.key, kind: 'year', from: whole.from, to: whole.to < today ? whole.to : today, partial: whole.to >= today });
  }
  for (const y of [year, year - 1]) {
    for (let q = 4; q >= 1; q--) {
      const quarter = periodOf(`${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, 'quarter');
      if (quarter.from > today) continue;
      out.push({ key: quarter.key, kind: 'quarter', from: quarter.from, to: quarter.to < today ? quarter.to : today, partial: quarter.to >= today });
    }
  }
  return out;
}
