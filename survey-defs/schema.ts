// The one schema every questionnaire definition in this folder must satisfy. It is checked at
// server start-up and in the unit tests, and imported by the pages for its types. Pure: zod only.
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
    if (values.size !== s.levels.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'level values must be unique' });
    for (const key of ['satisfied', 'dissatisfied'] as const) {
      s[key].forEach((v, i) => {
        if (!values.has(v)) ctx.addIssue({ code: 'custom', path: [key, i], message: `value ${v} is not a level of this scale` });
      });
    }
  });
export type Scale = z.infer<typeof scale>;

const criterion = z.object({
  id,
  text: localizedText,
  scale: id,
  required: z.boolean().default(false),
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

const option = z.object({ id, label: localizedText });

const questionBase = {
  id,
  text: localizedText,
  required: z.boolean().default(false),
  /** The screen (section) the question is shown on; questions without one come last. */
  section: id.optional(),
};
const question = z.discriminatedUnion('type', [
  z.object({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(option).min(2),
    /** Offered as a breakdown of the scores (gender, age band, how the dossier was submitted …). */
    breakdown: z.boolean().default(false),
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
    scales: z.record(id, scale),
    elements: z.array(element).min(1),
    /** Questions that are not scored as criteria: facts about the visit, demographics, comments. */
    questions: z.array(question).default([]),
    /** Screens that group the questions, in the order they are shown after the elements. */
    sections: z.array(z.object({ id, title: localizedText })).default([]),
    scoring: z.object({
      /** How element indices combine into the overall index. */
      overall: z.enum(['mean', 'weighted-mean']),
    }),
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Map<string, string>();
    const claim = (qid: string, path: (string | number)[]) => {
      if (seen.has(qid)) ctx.addIssue({ code: 'custom', path, message: `question id "${qid}" is used twice` });
      seen.set(qid, path.join('.'));
    };
    def.elements.forEach((el, e) => {
      claim(el.id, ['elements', e, 'id']);
      el.criteria.forEach((c, i) => {
        claim(c.id, ['elements', e, 'criteria', i, 'id']);
        if (!def.scales[c.scale]) ctx.addIssue({ code: 'custom', path: ['elements', e, 'criteria', i, 'scale'], message: `unknown scale "${c.scale}"` });
      });
    });
    def.questions.forEach((q, i) => {
      claim(q.id, ['questions', i, 'id']);
      if (q.section && !def.sections.some((s) => s.id === q.section)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'section'], message: `unknown section "${q.section}"` });
      }
    });
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
