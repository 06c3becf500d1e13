// A million plausible sipas-2017 responses, made quickly and deterministically for the
// benchmarks: day by day over a year of working days, so each stored batch covers few dates.
import type { Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { OfficialRow } from '../../server/db/tables/officials';
import type { ProcedureRow } from '../../server/db/tables/procedures';
import { mulberry32 } from '../../server/seed/synthetic-responses';
import { addDays, startOfVietnamDate, weekday } from '../../server/scoring/vietnam-time';

export interface BenchResponse {
  id: string;
  unit: string;
  procedure: string;
  official: string;
  channel: string;
  submittedAt: string;
  localDate: string;
  flagged: boolean;
  answers: Answers;
}

const CHANNELS = ['kiosk', 'kiosk', 'kiosk', 'qr', 'qr', 'web', 'paper'];
const SUGGESTIONS = ['Nên bố trí thêm ghế ngồi chờ.', 'Cán bộ hướng dẫn nhiệt tình, cảm ơn.', 'Đề nghị niêm yết rõ hơn mức phí.', '=HYPERLINK("http://x")'];

/** Working days of the year ending the day before `end`, oldest first. */
export function workingDays(end: string, days = 365): string[] {
  const out: string[] = [];
  for (let d = addDays(end, -days); d < end; d = addDays(d, 1)) if (weekday(d) !== 0 && weekday(d) !== 6) out.push(d);
  return out;
}

/** Yields `count` responses spread evenly over the working days, each day's in time order. */
export function* benchResponses(def: SurveyDefinition, org: { officials: OfficialRow[]; procedures: ProcedureRow[] }, count: number, end: string, seed = 2026): Generator<BenchResponse> {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const criteria = listCriteria(def);
  const days = workingDays(end);
  const mood = new Map(org.officials.map((o, i) => [o.code, 0.55 + ((i * 37) % 40) / 100]));
  let made = 0;
  for (const [d, date] of days.entries()) {
    const today = Math.round(((d + 1) * count) / days.length) - made;
    const opening = startOfVietnamDate(date).getTime() + 7.5 * 3_600_000;
    for (let k = 0; k < today; k++, made++) {
      const official = pick(org.officials);
      const satisfaction = mood.get(official.code)! + (rand() - 0.5) * 0.3;
      const answers: Answers = {};
      for (const c of criteria) {
        const r = rand();
        if (r < 0.04) continue;
        if (c.element === 'feedback' && r < 0.25) answers[c.id] = 0;
        else answers[c.id] = rand() < (rand() < satisfaction ? 0.8 : 0.2) ? (rand() < 0.55 ? 4 : 5) : rand() < 0.6 ? 3 : rand() < 0.7 ? 2 : 1;
      }
      answers.submission_channel = pick(['in_person', 'in_person', 'online', 'post']);
      answers.trips = pick(['none', 'one', 'one', 'two_or_more']);
      answers.informal_payment = rand() < 0.02 ? 'yes' : 'no';
      answers.gender = pick(['male', 'female']);
      answers.age_band = pick(['a18_24', 'a25_34', 'a35_49', 'a50_60', 'over_60']);
      answers.education = pick(['primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university', 'postgraduate']);
      if (rand() < 0.15) answers.suggestion = pick(SUGGESTIONS);
      const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
      yield {
        id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
        unit: official.unit_code,
        procedure: pick(org.procedures).code,
        official: official.code,
        channel: pick(CHANNELS),
        submittedAt: new Date(opening + (k / today) * 9.5 * 3_600_000).toISOString(),
        localDate: date,
        flagged: rand() < 0.01,
        answers,
      };
    }
  }
}
