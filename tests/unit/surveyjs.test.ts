import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../survey-defs/definition-issues';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { surveyDefsDir } from '../../server/paths';
import { checkDraft } from '../../server/questionnaires/check-draft';
import { toSurveyJs } from '../../server/questionnaires/surveyjs-export';
import { fromSurveyJs } from '../../server/questionnaires/surveyjs-import';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';
import { smallDefinition } from '../helpers/small-definitions';

const shipped = loadSurveyDefs(surveyDefsDir);

/** What a SurveyJS round trip must keep: the questions, their options, levels and words. */
function questionsOf(def: SurveyDefinition) {
  return {
    title: def.title,
    intro: def.intro,
    criteria: def.elements.map((el) => ({
      id: el.id, title: el.title,
      criteria: el.criteria.map((c) => ({ id: c.id, text: c.text, help: c.help, required: c.required, levels: def.scales[c.scale]!.levels.map((l) => [l.value, l.label]) })),
    })),
    questions: def.questions.map((q) => ({
      id: q.id, type: q.type, text: q.text, help: q.help, required: q.required, showIf: q.showIf,
      section: def.sections.find((s) => s.id === q.section)?.title,
      ...(q.type === 'text' ? { maxLength: q.maxLength } : { options: q.options }),
    })),
  };
}

function reimport(def: SurveyDefinition): SurveyDefinition {
  const converted = fromSurveyJs(JSON.parse(JSON.stringify(toSurveyJs(def))), def.id);
  if (!converted.ok) throw new Error(JSON.stringify(converted.issues));
  const checked = checkDefinition(converted.definition);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.definition;
}

describe('SurveyJS import', () => {
  const survey = {
    title: { default: 'Khảo sát', en: 'Survey' },
    description: 'Xin cảm ơn',
    pages: [
      {
        name: 'staff', title: 'Công chức',
        elements: [
          { type: 'rating', name: 'polite', title: 'Lịch sự', isRequired: true, rateValues: [{ value: 1, text: 'Rất kém' }, { value: 2, text: 'Kém' }, { value: 3, text: 'Bình thường' }, { value: 4, text: 'Tốt' }, { value: 5, text: 'Rất tốt' }] },
          { type: 'rating', name: 'clear', title: 'Rõ ràng', rateMin: 1, rateMax: 3, minRateDescription: 'Chưa rõ', maxRateDescription: 'Rất rõ' },
          { type: 'radiogroup', name: 'gender', title: 'Giới tính', choices: [{ value: 'male', text: { vi: 'Nam', en: 'Male' } }, 'other'] },
          { type: 'checkbox', name: 'issues', title: 'Vấn đề', visibleIf: "{gender} anyof ['male', 'other']", choices: ['late', 'rude'] },
          { type: 'comment', name: 'note', title: 'Ý kiến', visibleIf: "{gender} = 'other'", maxLength: 500 },
        ],
      },
    ],
  };

  it('turns the ratings of a page into an element, each distinct rating a scale, choices and comments into questions of the page\'s section', () => {
    const converted = fromSurveyJs(survey, 'test-survey');
    expect(converted.ok).toBe(true);
    const checked = checkDefinition(converted.ok ? converted.definition : null);
    expect(checked.ok).toBe(true);
    const def = (checked as { definition: SurveyDefinition }).definition;
    expect(def.title).toEqual({ vi: 'Khảo sát', en: 'Survey' });
    expect(def.elements).toEqual([expect.objectContaining({ id: 'staff', title: { vi: 'Công chức' } })]);
    expect(def.elements[0]!.criteria.map((c) => [c.id, c.scale, c.required])).toEqual([['polite', 'scale_1', true], ['clear', 'scale_2', false]]);
    expect(def.scales.scale_1).toMatchObject({ satisfied: [4, 5], dissatisfied: [1, 2], noOpinion: false });
    expect(def.scales.scale_2!.levels.map((l) => [l.value, l.label.vi])).toEqual([[1, 'Chưa rõ'], [2, '2'], [3, 'Rất rõ']]);
    expect(def.questions.map((q) => [q.id, q.type, q.section])).toEqual([['gender', 'single', 'staff'], ['issues', 'multi', 'staff'], ['note', 'text', 'staff']]);
    expect(def.questions[1]!.showIf).toEqual({ question: 'gender', anyOf: ['male', 'other'] });
    expect(def.questions[2]!.showIf).toEqual({ question: 'gender', anyOf: ['other'] });
    expect(def.sections).toEqual([{ id: 'staff', title: { vi: 'Công chức' } }]);
  });

  it('refuses what it cannot carry, naming the element, its type and its path', () => {
    const refused = (mutate: (s: any) => void) => {
      const copy = structuredClone(survey) as any;
      mutate(copy);
      const out = fromSurveyJs(copy, 'x');
      return out.ok ? [] : out.issues.map((i) => `${i.path} | ${i.code} | ${i.message}`);
    };
    expect(refused((s) => s.pages[0].elements.push({ type: 'matrix', name: 'grid', title: 'G' }))).toEqual([
      'pages.0.elements.5 | unsupported_surveyjs | element "grid" (type matrix) at pages.0.elements.5 is not supported: only rating, radiogroup, checkbox and comment are',
    ]);
    expect(refused((s) => (s.pages[0].elements[2].hasOther = true))[0]).toMatch(/^pages\.0\.elements\.2\.hasOther \| unsupported_surveyjs \| element "gender" \(type radiogroup\).*"hasOther"/);
    expect(refused((s) => (s.pages[0].elements[4].visibleIf = '{gender} != "male"'))[0]).toMatch(/pages\.0\.elements\.4\.visibleIf.*"note" \(type comment\)/);
    expect(refused((s) => (s.pages[0].elements[0].visibleIf = "{gender} = 'male'"))[0]).toMatch(/"polite" \(type rating\).*always asked/);
    expect(refused((s) => (s.pages[0].elements[0].title = { default: 'A', vi: 'B', en: 'C' }))[0]).toMatch(/title.*"default" text besides "vi"/);
    expect(refused((s) => (s.pages[0].elements[1].rateStep = 2))[0]).toMatch(/rateStep/);
    expect(refused((s) => (s.pages[0].elements[2].name = 'Gender'))[0]).toMatch(/pages\.0\.elements\.2\.name/);
    expect(refused((s) => delete s.description)[0]).toMatch(/^description \|.*description.*missing/);
    expect(refused((s) => (s.completedHtml = '<p>Cảm ơn</p>'))[0]).toMatch(/^completedHtml/);
    expect(refused((s) => (s.pages[0].elements[2].type = 'constructor'))[0]).toMatch(/type constructor.*not supported/);
  });

  it('never throws on any JSON: it converts or names what is wrong', () => {
    // Found by the property below: String() of this object throws.
    const hostile = fromSurveyJs({ pages: [{ name: { toString: {} }, title: {}, elements: [{ type: { toString: {} }, name: { toString: {} } }] }] }, 'x');
    expect(hostile.ok ? [] : hostile.issues.map((i) => i.path)).toContain('pages.0.elements.0');
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const out = fromSurveyJs(json, 'x');
        if (out.ok) checkDefinition(out.definition);
        else expect(out.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    const nearly = fc.record({
      title: fc.jsonValue(), description: fc.jsonValue(),
      pages: fc.array(fc.record({ name: fc.oneof(fc.constant('p'), fc.jsonValue()), title: fc.jsonValue(), elements: fc.array(fc.record({ type: fc.constantFrom('rating', 'radiogroup', 'checkbox', 'comment', 'html'), name: fc.jsonValue(), title: fc.jsonValue(), rateValues: fc.jsonValue(), choices: fc.jsonValue(), visibleIf: fc.jsonValue() }, { requiredKeys: ['type'] })) })),
    }, { requiredKeys: [] });
    fc.assert(fc.property(nearly, (json) => {
      const out = fromSurveyJs(json, 'x');
      if (out.ok) checkDefinition(out.definition);
    }), { numRuns: 300 });
  });
});

describe('SurveyJS export', () => {
  it('re-imports every shipped questionnaire to the same questions, options, levels and words', () => {
    for (const def of shipped) expect(questionsOf(reimport(def)), def.id).toEqual(questionsOf(def));
  });

  it('re-imports any small definition to the same questions', () => {
    fc.assert(fc.property(smallDefinition, (def) => {
      expect(checkDefinition(def).ok).toBe(true);
      expect(questionsOf(reimport(def))).toEqual(questionsOf(def));
    }), { numRuns: 150 });
  });
});

describe('sipas export', () => {
  it('re-imports to an identical definition (only the version and status are the draft\'s)', () => {
    fc.assert(fc.property(smallDefinition, (def) => {
      const file = JSON.parse(JSON.stringify(def));
      const checked = checkDraft({ ...file, version: 2 }, { id: def.id, version: 2 }, []);
      expect(checked.ok).toBe(true);
      expect({ ...(checked as { definition: SurveyDefinition }).definition, version: 1, status: 'published' }).toEqual(def);
    }), { numRuns: 100 });
  });
});
