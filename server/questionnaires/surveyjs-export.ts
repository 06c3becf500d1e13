// A questionnaire as SurveyJS JSON: each element a page of ratings, the questions in their order
// as pages by section. What SurveyJS has no place for (the scale's satisfied/dissatisfied values
// and faces, groups, weights, breakdowns, the method) stays in the sipas export only; importing
// this file back gives the same questions, options, levels and words. Pure.
import type { Question, SurveyDefinition } from '../../survey-defs/schema';
import { toSurveyJsText } from './surveyjs-text';

/** Where questions without a section go (a page without a title gives no section back). */
const NO_SECTION_PAGE = 'questions';

export function toSurveyJs(def: SurveyDefinition): Record<string, unknown> {
  const pages: Record<string, unknown>[] = def.elements.map((el) => ({
    name: el.id,
    title: toSurveyJsText(el.title),
    elements: el.criteria.map((c) => ({
      type: 'rating',
      name: c.id,
      title: toSurveyJsText(c.text),
      ...(c.help ? { description: toSurveyJsText(c.help) } : {}),
      ...(c.required ? { isRequired: true } : {}),
      rateValues: def.scales[c.scale]!.levels.map((l) => ({ value: l.value, text: toSurveyJsText(l.label) })),
    })),
  }));
  // Consecutive questions of one section share a page, so every condition still follows the
  // question it names.
  let current: { section: string | undefined; elements: unknown[] } | undefined;
  for (const q of def.questions) {
    if (!current || current.section !== q.section) {
      current = { section: q.section, elements: [] };
      const section = def.sections.find((s) => s.id === q.section);
      pages.push({ name: section?.id ?? NO_SECTION_PAGE, ...(section ? { title: toSurveyJsText(section.title) } : {}), elements: current.elements });
    }
    current.elements.push(questionOf(q));
  }
  return { title: toSurveyJsText(def.title), description: toSurveyJsText(def.intro), pages };
}

function questionOf(q: Question): Record<string, unknown> {
  const base = {
    name: q.id,
    title: toSurveyJsText(q.text),
    ...(q.help ? { description: toSurveyJsText(q.help) } : {}),
    ...(q.required ? { isRequired: true } : {}),
    ...(q.showIf ? { visibleIf: q.showIf.anyOf.length === 1 ? `{${q.showIf.question}} = '${q.showIf.anyOf[0]}'` : `{${q.showIf.question}} anyof [${q.showIf.anyOf.map((o) => `'${o}'`).join(', ')}]` } : {}),
  };
  if (q.type === 'text') return { type: 'comment', ...base, maxLength: q.maxLength };
  return { type: q.type === 'single' ? 'radiogroup' : 'checkbox', ...base, choices: q.options.map((o) => ({ value: o.id, text: toSurveyJsText(o.label) })) };
}
