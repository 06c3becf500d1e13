// Plausible made-up responses, so a newcomer (and the benchmarks) see a living system. Pure and
// deterministic for a given seed: the same call gives the same responses.
//
// They carry the structure a real office would recognise, so the dashboard shows something worth
// acting on: satisfaction rises through the year (about 78% to 92%), the first counter does better
// than the last, the last official of that weaker counter stays below the 90% target, and two
// criteria lag well behind the rest: waiting seats (access_seats) and handling time (proc_time).
import { NO_OPINION, type Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Organisation } from '../repos/organisation';
import type { Channel, ResponseBody } from '../responses/response-body';
import { subtreeCodes } from '../scoring/unit-tree';
import { addDays, startOfVietnamDate, vietnamDate, weekday } from '../scoring/vietnam-time';
import { DEMO_SUGGESTIONS } from './demo-texts';

export interface SyntheticOptions {
  count: number;
  /** Responses fall within the 365 days before this instant, in office hours (Vietnam time). */
  now: Date;
  seed?: number;
  sipas: SurveyDefinition;
  quick: SurveyDefinition;
}

/** The seed of `sipas seed --demo-responses`, so the demo (and tests relying on it) is always the same. */
export const DEMO_SEED = 2025;

/** How much more (or less) likely a satisfied answer is, by criterion. */
export const CRITERION_EFFECTS: Record<string, number> = {
  access_seats: -0.24, // waiting seats: the morning rush
  proc_time: -0.17, // handling time: results late against the appointment slip
  fb_handled: -0.04,
  fb_reported: -0.05,
  off_polite: 0.04,
  off_guides_carefully: 0.03,
};
const BASE = 0.9;
/** From a year ago to now, satisfaction rises this much (the office acted on what it read). */
const TREND = { start: -0.07, end: 0.07 };
const COUNTER_EFFECT = 0.04;
const WEAK_OFFICIAL_EFFECT = -0.16;

/**
 * The units the story is told about: the first top unit (the board) and everything below it. The
 * commune centre beside it shows the second tier and is left without synthetic answers, which
 * also keeps the seeded figures what they were before it was added.
 */
function storyOrganisation(org: Organisation): Organisation {
  const top = org.units.find((u) => !u.parent_code);
  if (!top) return org;
  const tree = new Set(subtreeCodes(org.units.map((u) => ({ code: u.code, parent_code: u.parent_code ?? null })), top.code));
  return { units: org.units.filter((u) => tree.has(u.code)), procedures: org.procedures.filter((p) => tree.has(p.unit_code)), officials: org.officials.filter((o) => tree.has(o.unit_code)) };
}

/** The structure the demo is built around: which counters and official stand out. */
export function demoStructure(whole: Organisation) {
  const org = storyOrganisation(whole);
  const counters = org.units.filter((u) => u.kind === 'counter' && org.officials.some((o) => o.unit_code === u.code));
  const better = counters[0]!;
  const weaker = counters[counters.length - 1]!;
  const weakOfficial = org.officials.filter((o) => o.unit_code === weaker.code).at(-1)!;
  return { counters, better: better.code, weaker: weaker.code, weakOfficial: weakOfficial.code };
}

/** Yields `count` response bodies with uuid-shaped ids derived from the seed. */
export function* syntheticResponses(whole: Organisation, opts: SyntheticOptions): Generator<ResponseBody> {
  const org = storyOrganisation(whole);
  const rand = mulberry32(opts.seed ?? DEMO_SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const structure = demoStructure(org);
  const criteria = listCriteria(opts.sipas);
  const counterEffect = (code: string) => (code === structure.better ? COUNTER_EFFECT : code === structure.weaker ? -COUNTER_EFFECT : 0);
  // The other officials differ a little, as people do.
  const officialEffect = new Map(org.officials.map((o, i) => [o.code, o.code === structure.weakOfficial ? WEAK_OFFICIAL_EFFECT : (((i * 37) % 7) - 3) / 100]));

  for (let i = 0; i < opts.count; i++) {
    const counter = pick(structure.counters);
    const official = pick(org.officials.filter((o) => o.unit_code === counter.code));
    const procedure = pick(org.procedures);
    const { submittedAt, yearShare } = officeHourInstant(opts.now, rand);
    const channel: Channel = pick(['kiosk', 'kiosk', 'kiosk', 'qr', 'qr', 'web', 'paper']);
    const trend = TREND.start + (TREND.end - TREND.start) * yearShare;
    const satisfaction = BASE + trend + counterEffect(counter.code) + officialEffect.get(official.code)! + (rand() - 0.5) * 0.06;
    const full = rand() < 0.3;
    const base = { id: uuidFrom(rand), unit: counter.code, procedure: procedure.code, official: official.code, channel, submittedAt };
    if (!full) {
      const overall = rand() < satisfaction ? (rand() < 0.55 ? 3 : 2) : 1;
      const reasons = overall === 1 ? [pick(['late', 'late', 'many_trips', 'unclear_guidance', 'discourteous'])] : rand() < 0.4 ? [pick(['on_time', 'courteous', 'clear_guidance'])] : [];
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
      answers[c.id] = rating(rand() < satisfaction + (CRITERION_EFFECTS[c.id] ?? 0), rand);
    }
    answers.submission_channel = pick(['in_person', 'in_person', 'online', 'post']);
    answers.trips = pick(['none', 'one', 'one', 'two_or_more']);
    answers.informal_payment = rand() < 0.02 ? 'yes' : 'no';
    answers.gender = pick(['male', 'female']);
    answers.age_band = pick(['a18_24', 'a25_34', 'a35_49', 'a35_49', 'a50_60', 'over_60']);
    answers.education = pick(['primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university', 'university', 'postgraduate']);
    if (rand() < 0.15) answers.suggestion = weighted(DEMO_SUGGESTIONS, rand);
    yield { ...base, surveyId: opts.sipas.id, surveyVersion: opts.sipas.version, answers };
  }
}

/** A satisfied answer is 4 or 5; otherwise mostly 3, sometimes 2 or 1. */
function rating(satisfied: boolean, rand: () => number): number {
  if (satisfied) return rand() < 0.55 ? 4 : 5;
  return rand() < 0.6 ? 3 : rand() < 0.7 ? 2 : 1;
}

function weighted(items: [string, number][], rand: () => number): string {
  let r = rand() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [text, w] of items) if ((r -= w) < 0) return text;
  return items[0]![0];
}

/** An instant in office hours within the last 365 days, and how far through that year it is (0–1). */
function officeHourInstant(now: Date, rand: () => number): { submittedAt: string; yearShare: number } {
  const back = Math.floor(rand() * 365);
  let date = addDays(vietnamDate(now), -back);
  if (weekday(date) === 6) date = addDays(date, -1); // offices close at weekends
  if (weekday(date) === 0) date = addDays(date, -2);
  // 07:30–17:00 in Vietnam.
  const ms = startOfVietnamDate(date).getTime() + (7.5 + rand() * 9.5) * 3_600_000;
  return { submittedAt: new Date(Math.min(ms, now.getTime() - 60_000)).toISOString(), yearShare: 1 - back / 364 };
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
