// Small random questionnaire definitions for property tests (at most 34 ids, 40 drawn): every id unique, every condition on
// an earlier choice question, each scale's satisfied/dissatisfied above/below its middle.
import fc from 'fast-check';
import type { SurveyDefinition } from '../../survey-defs/schema';

const FACES = ['very-sad', 'sad', 'neutral', 'happy', 'very-happy'] as const;
const words = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const text = fc.oneof(words.map((vi) => ({ vi })), fc.tuple(words, words).map(([vi, en]) => ({ vi, en })));
const ids = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), { minLength: 40, maxLength: 40 });

const scale = fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 5 }).chain((values) =>
  fc.tuple(...values.map(() => text)).map((labels) => {
    const ranked = [...values].sort((a, b) => a - b);
    const middle = (ranked.length - 1) / 2;
    return {
      levels: values.map((value, i) => ({ value, label: labels[i]!, face: FACES[Math.round((ranked.indexOf(value) * 4) / (ranked.length - 1))]! })),
      satisfied: ranked.filter((_, i) => i > middle),
      dissatisfied: ranked.filter((_, i) => i < middle),
      noOpinion: false,
    };
  }),
);

export const smallDefinition: fc.Arbitrary<SurveyDefinition> = fc
  .record({
    ids,
    title: text,
    intro: text,
    scales: fc.array(scale, { minLength: 1, maxLength: 2 }),
    elements: fc.array(fc.record({ title: text, criteria: fc.array(fc.record({ text, help: fc.option(text, { nil: undefined }), required: fc.boolean(), scale: fc.nat() }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
    sections: fc.array(text, { maxLength: 2 }),
    questions: fc.array(
      fc.record({
        type: fc.constantFrom('single', 'multi', 'text'),
        text,
        help: fc.option(text, { nil: undefined }),
        required: fc.boolean(),
        section: fc.nat(),
        options: fc.array(text, { minLength: 2, maxLength: 3 }),
        maxLength: fc.integer({ min: 1, max: 4000 }),
        condition: fc.option(fc.nat(), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    let next = 0;
    const id = () => r.ids[next++]!;
    const scaleIds = r.scales.map((_, i) => `s${i}`);
    const sections = r.sections.map((title) => ({ id: id(), title }));
    const elements = r.elements.map((el) => ({
      id: id(), title: el.title, weight: 1,
      criteria: el.criteria.map((c) => ({ id: id(), text: c.text, scale: scaleIds[c.scale % scaleIds.length]!, required: c.required, ...(c.help ? { help: c.help } : {}) })),
    }));
    const questions: SurveyDefinition['questions'] = [];
    for (const q of r.questions) {
      const choices = questions.filter((e) => e.type !== 'text');
      const on = q.condition === undefined || !choices.length ? undefined : choices[q.condition % choices.length]!;
      const base = {
        id: id(), text: q.text, required: q.required,
        ...(q.help ? { help: q.help } : {}),
        ...(sections.length && q.section % 3 ? { section: sections[q.section % sections.length]!.id } : {}),
        ...(on && 'options' in on ? { showIf: { question: on.id, anyOf: [on.options[0]!.id] } } : {}),
      };
      if (q.type === 'text') questions.push({ ...base, type: 'text', maxLength: q.maxLength });
      else {
        const options = q.options.map((label) => ({ id: id(), label }));
        questions.push(q.type === 'single' ? { ...base, type: 'single', options, breakdown: false } : { ...base, type: 'multi', options });
      }
    }
    return {
      id: 'gen-survey', version: 1, status: 'published', title: r.title, intro: r.intro, method: 'test',
      scales: Object.fromEntries(r.scales.map((s, i) => [scaleIds[i]!, s])),
      elements, questions, sections, groups: [], scoring: { overall: 'mean' },
    } as SurveyDefinition;
  });
