// Checks a person's answers against the definition they answered. Pure, so the pages can run the
// same check before sending and the server can trust nothing else.
import { listCriteria } from './criteria';
import { askedElements, type Parts } from './parts';
import type { SurveyDefinition } from './schema';

/** A rating is an integer level of its scale, or 0 for "no opinion" where the scale allows it. */
export const NO_OPINION = 0;

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

export type AnswerIssueCode =
  | 'unknown_question'
  | 'wrong_type'
  | 'out_of_range'
  | 'unknown_option'
  | 'too_long'
  | 'missing_required'
  | 'not_asked';

export interface AnswerIssue {
  path: string;
  code: AnswerIssueCode;
  message: string;
}

export type CheckedAnswers = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

type Rule = (value: unknown) => { value?: AnswerValue; issue?: [AnswerIssueCode, string] };

export interface CheckOptions {
  /**
   * The parts (group ids) the person was asked; null or empty: every part. Criteria of the other
   * parts were never shown: an answer to one is refused and a required one is not demanded.
   */
  parts?: Parts;
}

/**
 * Returns the answers in canonical form (unanswered questions dropped, text trimmed, multi-choice
 * sorted) or every issue found, each naming the question.
 */
export function checkAnswers(def: SurveyDefinition, raw: Record<string, unknown>, options: CheckOptions = {}): CheckedAnswers {
  const rules = rulesFor(def);
  const inPart = partFilter(def, options.parts);
  const issues: AnswerIssue[] = [];
  const answers: Answers = {};
  for (const [qid, value] of Object.entries(raw)) {
    const rule = rules.get(qid);
    if (!rule) {
      issues.push({ path: `answers.${qid}`, code: 'unknown_question', message: `"${qid}" is not a question of ${def.id} v${def.version}` });
      continue;
    }
    if (isUnanswered(value)) continue;
    if (!inPart(qid)) {
      issues.push({ path: `answers.${qid}`, code: 'not_asked', message: `"${qid}" belongs to a part of ${def.id} that was not asked (asked: ${options.parts!.join(', ')})` });
      continue;
    }
    const checked = rule.check(value);
    if (checked.issue) issues.push({ path: `answers.${qid}`, code: checked.issue[0], message: checked.issue[1] });
    else if (checked.value !== undefined) answers[qid] = checked.value;
  }
  for (const q of def.questions) {
    // An answer to a question the person was never shown would count what nobody asked.
    if (answers[q.id] !== undefined && !isAsked(q, answers)) {
      issues.push({ path: `answers.${q.id}`, code: 'not_asked', message: `"${q.id}" is asked only when ${q.showIf!.question} is ${q.showIf!.anyOf.join(' or ')}` });
    }
  }
  for (const [qid, rule] of rules) {
    if (rule.required && inPart(qid) && answers[qid] === undefined && !issues.some((i) => i.path === `answers.${qid}`) && isAsked(def.questions.find((q) => q.id === qid), answers)) {
      issues.push({ path: `answers.${qid}`, code: 'missing_required', message: `"${qid}" must be answered` });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers };
}

/** Whether a question is asked, given the answers so far: always, unless its condition is unmet. */
export function isAsked(q: { showIf?: { question: string; anyOf: string[] } | undefined } | undefined, answers: Readonly<Record<string, unknown>>): boolean {
  if (!q?.showIf) return true;
  const given = answers[q.showIf.question];
  const chosen = Array.isArray(given) ? given : [given];
  return chosen.some((v) => typeof v === 'string' && q.showIf!.anyOf.includes(v));
}

/** Whether a question belongs to the parts asked: criteria of left-out elements do not; other questions always do. */
function partFilter(def: SurveyDefinition, parts: Parts): (qid: string) => boolean {
  const asked = askedElements(def, parts);
  if (!asked) return () => true;
  const elementOf = elementsByCriterion(def);
  return (qid) => {
    const element = elementOf.get(qid);
    return element === undefined || asked.has(element);
  };
}

const elementMaps = new WeakMap<SurveyDefinition, Map<string, string>>();

function elementsByCriterion(def: SurveyDefinition): Map<string, string> {
  let map = elementMaps.get(def);
  if (!map) {
    map = new Map(listCriteria(def).map((c) => [c.id, c.element]));
    elementMaps.set(def, map);
  }
  return map;
}

function isUnanswered(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

type Rules = Map<string, { required: boolean; check: Rule }>;
// Definitions never change once loaded, so their rules are built once.
const rulesByDefinition = new WeakMap<SurveyDefinition, Rules>();

function rulesFor(def: SurveyDefinition): Rules {
  let rules = rulesByDefinition.get(def);
  if (!rules) {
    rules = buildRules(def);
    rulesByDefinition.set(def, rules);
  }
  return rules;
}

function buildRules(def: SurveyDefinition): Rules {
  const rules: Rules = new Map();
  for (const c of listCriteria(def)) {
    const scale = def.scales[c.scale]!;
    const allowed = new Set(scale.levels.map((l) => l.value));
    if (scale.noOpinion) allowed.add(NO_OPINION);
    const described = [...allowed].sort((a, b) => a - b).join(', ');
    rules.set(c.id, {
      required: c.required,
      check: (v) => {
        if (typeof v !== 'number' || !Number.isInteger(v)) return { issue: ['wrong_type', `a rating must be an integer (${described})`] };
        if (!allowed.has(v)) return { issue: ['out_of_range', `${v} is not one of ${described}`] };
        return { value: v };
      },
    });
  }
  for (const q of def.questions) {
    if (q.type === 'text') {
      rules.set(q.id, {
        required: q.required,
        check: (v) => {
          if (typeof v !== 'string') return { issue: ['wrong_type', 'must be text'] };
          // Stored NFC: the same words typed on another keyboard (or decomposed by Windows-1258) compare and count alike.
          const text = v.trim().normalize('NFC');
          if ([...text].length > q.maxLength) return { issue: ['too_long', `at most ${q.maxLength} characters`] };
          return { value: text || undefined };
        },
      });
      continue;
    }
    const options = new Set(q.options.map((o) => o.id));
    const isOption = (v: unknown): v is string => typeof v === 'string' && options.has(v);
    if (q.type === 'single') {
      rules.set(q.id, {
        required: q.required,
        check: (v) => {
          if (typeof v !== 'string') return { issue: ['wrong_type', 'must be one option id'] };
          return isOption(v) ? { value: v } : { issue: ['unknown_option', `"${v}" is not an option of ${q.id}`] };
        },
      });
    } else {
      rules.set(q.id, {
        required: q.required,
        check: (v) => {
          if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return { issue: ['wrong_type', 'must be a list of option ids'] };
          const bad = v.find((x) => !isOption(x));
          if (bad !== undefined) return { issue: ['unknown_option', `"${bad}" is not an option of ${q.id}`] };
          return { value: [...new Set(v as string[])].sort() };
        },
      });
    }
  }
  return rules;
}

/**
 * The answers without those to questions no longer asked: a person who said "yes", answered the
 * follow-up, then went back and said "no" sends no follow-up. Conditions point to earlier
 * questions, so one pass in order settles chains.
 */
export function askedAnswers(def: SurveyDefinition, answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const q of def.questions) if (out[q.id] !== undefined && !isAsked(q, out)) delete out[q.id];
  return out;
}

// Made once per definition (they never change once loaded): this runs for every answer stored.
const textQuestionsByDefinition = new WeakMap<SurveyDefinition, Set<string>>();

/** The answers that are counted in aggregates: ratings and choices, not free text. */
export function countableAnswers(def: SurveyDefinition, answers: Answers): Answers {
  let text = textQuestionsByDefinition.get(def);
  if (!text) textQuestionsByDefinition.set(def, (text = new Set(def.questions.filter((q) => q.type === 'text').map((q) => q.id))));
  const counted: Answers = {};
  for (const qid of Object.keys(answers)) if (!text.has(qid)) counted[qid] = answers[qid]!;
  return counted;
}
