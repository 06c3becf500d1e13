// The one schema every questionnaire definition in this folder must satisfy. It is checked at
// server start-up, by the editor's API (issue 12) and in the unit tests, and imported by the pages
// for its types. Pure: zod only. Every custom issue names a stable code in `params.code`, which the
// staff editor turns into Vietnamese words (see definition-issues.ts).
import { z } from 'zod';

const id = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'lower-case letters, digits and _ (max 48), starting with a letter');

/** A text in every language the definition offers; Vietnamese is mandatory and the fallback. */
export const localizedText = z
  .object({ vi: z.string().min(1) })
  .catchall(z.string().min(1));
export type LocalizedText = z.infer<typeof localizedText>;

const scaleLevel = z.object({
  value: z.number().int().min(1).max(10),
  label: localizedText,
  /** Which face the kiosk draws beside the words: the words are always shown too. */
  face: z.enum(['very-sad', 'sad', 'neutral', 'happy', 'very-happy']),
});

const scale = z
  .object({
    levels: z.array(scaleLevel).min(2).max(10),
    /** Values counted as satisfied in a criterion index (4 and 5 on the SIPAS 5-point scale). */
    satisfied: z.array(z.number().int()).min(1),
    /** Values counted as "rated dissatisfied" in the Decision 766 indicator. */
    dissatisfied: z.array(z.number().int()).min(1),
    /** Whether a person may mark "no opinion" (answer value 0), left out of the denominator. */
    noOpinion: z.boolean(),
  })
  .superRefine((s, ctx) => {
    const values = new Set(s.levels.map((l) => l.value));
    if (values.size !== s.levels.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'level values must be unique', params: { code: 'duplicate_level' } });
    for (const key of ['satisfied', 'dissatisfied'] as const) {
      s[key].forEach((v, i) => {
        if (!values.has(v)) ctx.addIssue({ code: 'custom', path: [key, i], message: `value ${v} is not a level of this scale`, params: { code: 'not_a_level', value: v } });
      });
    }
  });
export type Scale = z.infer<typeof scale>;

const criterion = z.object({
  id,
  text: localizedText,
  scale: id,
  required: z.boolean().default(false),
  /** A line under the statement that explains it (shown smaller, read aloud after it). */
  help: localizedText.optional(),
  /** True when the wording could not be checked against the official form and was rebuilt from reports. */
  reconstructed: z.boolean().optional(),
});
export type Criterion = z.infer<typeof criterion>;

const element = z.object({
  id,
  title: localizedText,
  criteria: z.array(criterion).min(1),
  /** Weight in the overall index; the default method (mean of elements) gives every element 1. */
  weight: z.number().positive().default(1),
});
export type Element = z.infer<typeof element>;

/**
 * Elements under one content of satisfaction (Decision 1001: building and implementing policy;
 * providing public administrative services), each content with an index of its own.
 */
const group = z.object({
  id,
  title: localizedText,
  elements: z.array(id).min(1),
  /** Weight in the overall index when it is the (weighted) mean of the groups. */
  weight: z.number().positive().default(1),
});
export type Group = z.infer<typeof group>;

const option = z.object({ id, label: localizedText });

const questionBase = {
  id,
  text: localizedText,
  required: z.boolean().default(false),
  /** The screen (section) the question is shown on; questions without one come last. */
  section: id.optional(),
  help: localizedText.optional(),
  /** Asked only when an earlier single or multiple choice question got one of these options. */
  showIf: z.object({ question: id, anyOf: z.array(id).min(1) }).optional(),
  reconstructed: z.boolean().optional(),
};
const question = z.discriminatedUnion('type', [
  z.object({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(option).min(2),
    /** Offered as a breakdown of the scores (gender, age band, how the dossier was submitted …). */
    breakdown: z.boolean().default(false),
    /**
     * How the scores show it: `share`, an assessment reported as the share of each option with
     * its interval (Decision 1001's nhận định); `expectation`, a need ranked among the others by
     * the share choosing one of its `priority` options (the mong đợi "Rất nhiều / Nhiều / Ít").
     */
    report: z.enum(['share', 'expectation']).optional(),
    priority: z.array(id).min(1).optional(),
  }),
  z.object({ ...questionBase, type: z.literal('multi'), options: z.array(option).min(2) }),
  z.object({ ...questionBase, type: z.literal('text'), maxLength: z.number().int().min(1).max(4000) }),
]);
export type Question = z.infer<typeof question>;

export const surveyDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'lower-case letters, digits and - (max 48)'),
    version: z.number().int().min(1),
    status: z.enum(['published', 'draft']),
    title: localizedText,
    intro: localizedText,
    /** Where the method comes from (decision number), shown to staff. */
    method: z.string().min(1),
    /** Which public sources the wording follows, and what could not be verified. */
    sources: z.string().optional(),
    scales: z.record(id, scale),
    elements: z.array(element).min(1),
    /** Questions that are not scored as criteria: facts about the visit, demographics, comments. */
    questions: z.array(question).default([]),
    /** Screens that group the questions, in the order they are shown after the elements. */
    sections: z.array(z.object({ id, title: localizedText })).default([]),
    /** Contents of satisfaction above the elements, each with its own index (none: elements only). */
    groups: z.array(group).default([]),
    scoring: z.object({
      /** How element (or, with groups, group) indices combine into the overall index. */
      overall: z.enum(['mean', 'weighted-mean', 'mean-of-groups', 'weighted-mean-of-groups']),
    }),
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Map<string, string>();
    const claim = (qid: string, path: (string | number)[]) => {
      if (seen.has(qid)) ctx.addIssue({ code: 'custom', path, message: `question id "${qid}" is used twice`, params: { code: 'duplicate_id', id: qid } });
      seen.set(qid, path.join('.'));
    };
    def.elements.forEach((el, e) => {
      claim(el.id, ['elements', e, 'id']);
      el.criteria.forEach((c, i) => {
        claim(c.id, ['elements', e, 'criteria', i, 'id']);
        if (!def.scales[c.scale]) ctx.addIssue({ code: 'custom', path: ['elements', e, 'criteria', i, 'scale'], message: `unknown scale "${c.scale}"`, params: { code: 'unknown_scale', scale: c.scale } });
      });
    });
    def.questions.forEach((q, i) => {
      claim(q.id, ['questions', i, 'id']);
      if (q.section && !def.sections.some((s) => s.id === q.section)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'section'], message: `unknown section "${q.section}"`, params: { code: 'unknown_section', section: q.section } });
      }
      if (q.type !== 'text') checkOptions(q.options, ['questions', i, 'options'], ctx);
      if (q.showIf) checkCondition(def.questions.slice(0, i), q.showIf, ['questions', i, 'showIf'], ctx);
      if (q.type === 'single') checkReport(q, ['questions', i], ctx);
    });
    checkGroups(def, ctx);
  });

type Ctx = z.RefinementCtx;

/** Answers store option ids: two options with one id could not be told apart. */
function checkOptions(options: { id: string }[], path: (string | number)[], ctx: Ctx) {
  const ids = new Set<string>();
  options.forEach((o, j) => {
    if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: [...path, j, 'id'], message: `option id "${o.id}" is used twice`, params: { code: 'duplicate_option', option: o.id } });
    ids.add(o.id);
  });
}

/** A condition names an earlier choice question and options it has. */
function checkCondition(earlier: Question[], cond: { question: string; anyOf: string[] }, path: (string | number)[], ctx: Ctx) {
  const asked = earlier.find((q) => q.id === cond.question);
  if (!asked || asked.type === 'text') {
    ctx.addIssue({ code: 'custom', path: [...path, 'question'], message: `"${cond.question}" is not an earlier single or multiple choice question`, params: { code: 'bad_condition', question: cond.question } });
    return;
  }
  cond.anyOf.forEach((o, j) => {
    if (!asked.options.some((opt) => opt.id === o)) ctx.addIssue({ code: 'custom', path: [...path, 'anyOf', j], message: `"${o}" is not an option of "${cond.question}"`, params: { code: 'not_an_option', option: o, question: cond.question } });
  });
}

function checkReport(q: Extract<Question, { type: 'single' }>, path: (string | number)[], ctx: Ctx) {
  if (q.report === 'expectation' && !q.priority) ctx.addIssue({ code: 'custom', path: [...path, 'priority'], message: 'an expectation names its priority options', params: { code: 'priority_missing' } });
  if (q.report !== 'expectation' && q.priority) ctx.addIssue({ code: 'custom', path: [...path, 'priority'], message: 'priority options belong to an expectation', params: { code: 'priority_not_expectation' } });
  (q.priority ?? []).forEach((o, j) => {
    if (!q.options.some((opt) => opt.id === o)) ctx.addIssue({ code: 'custom', path: [...path, 'priority', j], message: `"${o}" is not an option`, params: { code: 'not_an_option', option: o, question: q.id } });
  });
}

/** Groups name existing elements, each element in at most one group; the group rules need groups. */
function checkGroups(def: { elements: { id: string }[]; groups: Group[]; scoring: { overall: string } }, ctx: Ctx) {
  const placed = new Set<string>();
  def.groups.forEach((g, i) =>
    g.elements.forEach((e, j) => {
      const path = ['groups', i, 'elements', j];
      if (!def.elements.some((el) => el.id === e)) ctx.addIssue({ code: 'custom', path, message: `unknown element "${e}"`, params: { code: 'unknown_element', element: e } });
      else if (placed.has(e)) ctx.addIssue({ code: 'custom', path, message: `element "${e}" is in two groups`, params: { code: 'element_in_two_groups', element: e } });
      placed.add(e);
    }),
  );
  if (def.scoring.overall.endsWith('of-groups') && !def.groups.length) {
    ctx.addIssue({ code: 'custom', path: ['scoring', 'overall'], message: 'the mean of groups needs groups', params: { code: 'groups_missing' } });
  }
}

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
