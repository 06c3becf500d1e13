// Plausible made-up responses, so a newcomer (and the benchmarks) see a living system. Pure and
// deterministic for a given seed: the same call gives the same responses.
import { NO_OPINION, type Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Organisation } from '../repos/organisation';
import type { Channel, ResponseBody } from '../responses/response-body';
import { addDays, startOfVietnamDate, vietnamDate, weekday } from '../scoring/vietnam-time';

export interface SyntheticOptions {
  count: number;
  /** Responses fall within the 365 days before this instant, in office hours (Vietnam time). */
  now: Date;
  seed?: number;
  sipas: SurveyDefinition;
  quick: SurveyDefinition;
}

const SUGGESTIONS = [
  'Nên bố trí thêm ghế ngồi chờ vào buổi sáng.',
  'Cán bộ hướng dẫn nhiệt tình, cảm ơn.',
  'Đề nghị niêm yết rõ hơn mức phí, lệ phí.',
  'Thời gian trả kết quả cần đúng hẹn hơn.',
  'Nên có máy lấy số thứ tự tự động.',
  'Mong được nhận kết quả qua bưu điện.',
  'Hướng dẫn trên cổng dịch vụ công còn khó hiểu.',
];

/** Yields `count` response bodies with uuid-shaped ids derived from the seed. */
export function* syntheticResponses(org: Organisation, opts: SyntheticOptions): Generator<ResponseBody> {
  const rand = mulberry32(opts.seed ?? 2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const counters = org.units.filter((u) => u.kind === 'counter' && org.officials.some((o) => o.unit_code === u.code));
  const criteria = listCriteria(opts.sipas);
  // Each official has a lasting tendency, so the per-official table shows real differences.
  const mood = new Map(org.officials.map((o, i) => [o.code, 0.55 + ((i * 37) % 40) / 100]));

  for (let i = 0; i < opts.count; i++) {
    const counter = pick(counters);
    const official = pick(org.officials.filter((o) => o.unit_code === counter.code));
    const procedure = pick(org.procedures);
    const submittedAt = officeHourInstant(opts.now, rand);
    const channel: Channel = pick(['kiosk', 'kiosk', 'kiosk', 'qr', 'qr', 'web', 'paper']);
    const satisfaction = mood.get(official.code)! + (rand() - 0.5) * 0.3;
    const full = rand() < 0.3;
    const base = { id: uuidFrom(rand), unit: counter.code, procedure: procedure.code, official: official.code, channel, submittedAt };
    if (!full) {
      const overall = rand() < satisfaction ? (rand() < 0.5 ? 3 : 2) : rand() < 0.7 ? 2 : 1;
      const reasons = overall === 1 ? [pick(['late', 'many_trips', 'unclear_guidance', 'discourteous'])] : rand() < 0.4 ? [pick(['on_time', 'courteous', 'clear_guidance'])] : [];
      yield { ...base, surveyId: opts.quick.id, surveyVersion: opts.quick.version, answers: { overall, ...(reasons.length ? { reasons } : {}) } };
      continue;
    }
    const answers: Answers = {};
    for (const c of criteria) {
      const r = rand();
      if (r < 0.04) continue; // left blank on the form
      if (c.element === 'feedback' && r < 0.25) {
        answers[c.id] = NO_OPINION; // many people never gave feedback
        continue;
      }
      answers[c.id] = rating(rand() < satisfaction ? 0.8 : 0.2, rand);
    }
    answers.submission_channel = pick(['in_person', 'in_person', 'online', 'post']);
    answers.trips = pick(['none', 'one', 'one', 'two_or_more']);
    answers.informal_payment = rand() < 0.02 ? 'yes' : 'no';
    answers.gender = pick(['male', 'female']);
    answers.age_band = pick(['a18_24', 'a25_34', 'a35_49', 'a35_49', 'a50_60', 'over_60']);
    answers.education = pick(['primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university', 'university', 'postgraduate']);
    if (rand() < 0.15) answers.suggestion = pick(SUGGESTIONS);
    yield { ...base, surveyId: opts.sipas.id, surveyVersion: opts.sipas.version, answers };
  }
}

/** A 1–5 rating leaning to 4–5 with probability `high`. */
function rating(high: number, rand: () => number): number {
  return rand() < high ? (rand() < 0.55 ? 4 : 5) : rand() < 0.6 ? 3 : rand() < 0.7 ? 2 : 1;
}

function officeHourInstant(now: Date, rand: () => number): string {
  let date = addDays(vietnamDate(now), -Math.floor(rand() * 365));
  if (weekday(date) === 6) date = addDays(date, -1); // offices close at weekends
  if (weekday(date) === 0) date = addDays(date, -2);
  // 07:30–17:00 in Vietnam.
  const ms = startOfVietnamDate(date).getTime() + (7.5 + rand() * 9.5) * 3_600_000;
  return new Date(Math.min(ms, now.getTime() - 60_000)).toISOString();
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small, fast, seedable PRNG (public-domain mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
