// A tally is what every score is computed from: how many responses there were, and how many gave
// each value to each question. Storage fills it from the aggregate table; tests fill it by hand.
import type { Answers } from '../../survey-defs/check-answers';

/** The question id under which the aggregate table counts responses. */
export const RESPONSES_KEY = '*';

export interface Tally {
  responses: number;
  /** question id → stored value ('4', '0' for no opinion, an option id) → count */
  answers: Map<string, Map<string, number>>;
}

export function emptyTally(): Tally {
  return { responses: 0, answers: new Map() };
}

/** Adds `n` answers of `value` to `questionId` (or `n` responses for the '*' key). */
export function addCount(tally: Tally, questionId: string, value: string, n: number): void {
  if (questionId === RESPONSES_KEY) {
    tally.responses += n;
    return;
  }
  let values = tally.answers.get(questionId);
  if (!values) tally.answers.set(questionId, (values = new Map()));
  values.set(value, (values.get(value) ?? 0) + n);
}

/** Adds one response's counted answers, exactly as the aggregate table counts them. */
export function addResponse(tally: Tally, counted: Answers): void {
  tally.responses += 1;
  for (const [qid, value] of Object.entries(counted)) {
    if (Array.isArray(value)) for (const option of value) addCount(tally, qid, option, 1);
    else addCount(tally, qid, String(value), 1);
  }
}

/** Adds everything in `from` to `into`. */
export function mergeInto(into: Tally, from: Tally): Tally {
  into.responses += from.responses;
  for (const [qid, values] of from.answers) for (const [value, n] of values) addCount(into, qid, value, n);
  return into;
}

/** How many gave each value to one question. */
export function countsOf(tally: Tally, questionId: string): ReadonlyMap<string, number> {
  return tally.answers.get(questionId) ?? new Map();
}
