// Nearly every answer a kiosk or a phone sends is a plain, well-formed body. Reading such a body
// with a few direct checks costs a fraction of zod's whole-schema walk, on the path every answer
// takes (tests/bench/NOTES.md, *What an answer kept alive through its batch, and zod's walk of the body*). Anything this reader is
// not sure of, it leaves to zod: it never refuses, it only answers `undefined`, and zod then gives
// the result and the errors it always gave. A property test holds it to zod's result
// (tests/unit/well-formed-body.test.ts).
import { dateInRange } from '../dates/calendar-date';
import { BROWSER_ID, CHANNELS, CODE_MAX, QUESTION_ID, responseBody, type ResponseBody } from './response-body';

/** The schema's own pattern for the id, so that both read the same ids. */
const UUID = responseBody.shape.id._zod.def.pattern!;
/** The body's fields in the schema's order: zod's result lists them so. */
const FIELDS = Object.keys(responseBody.shape) as (keyof ResponseBody)[];
const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELDS);
const KNOWN_CHANNELS: ReadonlySet<unknown> = new Set(CHANNELS);

type Fields = Record<string, unknown>;

/** What JSON.parse makes of an object: the only kind this reader takes. */
const isPlainObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isCode = (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= CODE_MAX;
const absentOr = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

/** An instant as `Date.prototype.toISOString` writes it (what the kiosk and the pages send), within the years the schema allows. */
function isPlainInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const ms = Date.parse(value);
  // The round trip turns away every other form, and impossible dates that Date.parse rolls over.
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value && dateInRange(value.slice(0, 10));
}

/** A copy of the answers when every question id is well formed; zod's record makes a copy too. */
function plainAnswers(answers: unknown): Fields | undefined {
  if (!isPlainObject(answers)) return undefined;
  const copy: Fields = {};
  for (const question in answers) {
    const value = answers[question];
    if (!QUESTION_ID.test(question) || value === undefined) return undefined;
    copy[question] = value;
  }
  return copy;
}

/** The body as zod would read it, when it is plainly well formed; `undefined` to leave it to zod. */
export function wellFormedBody(value: unknown): ResponseBody | undefined {
  if (!isPlainObject(value)) return undefined;
  // A field the schema does not know is zod's to refuse (strict), and one present but undefined is
  // not what JSON makes: either way, zod decides. Past this loop, undefined means absent.
  for (const field in value) if (!KNOWN_FIELDS.has(field) || value[field] === undefined) return undefined;
  const { id, surveyId, surveyVersion, unit, procedure, official, channel, submittedAt, browser } = value;
  const wellFormed =
    typeof id === 'string' && UUID.test(id) && isCode(surveyId) && KNOWN_CHANNELS.has(channel) &&
    absentOr(surveyVersion, (v) => Number.isSafeInteger(v) && (v as number) >= 1) &&
    absentOr(unit, isCode) && absentOr(procedure, isCode) && absentOr(official, isCode) &&
    absentOr(submittedAt, isPlainInstant) && absentOr(browser, (v) => typeof v === 'string' && BROWSER_ID.test(v));
  const answers = wellFormed ? plainAnswers(value.answers) : undefined;
  if (!answers) return undefined;
  const body: Fields = {};
  for (const field of FIELDS) if (value[field] !== undefined) body[field] = field === 'answers' ? answers : value[field];
  return body as ResponseBody;
}
