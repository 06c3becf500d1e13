import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers, countableAnswers } from '../../survey-defs/check-answers';
import { surveyDefsDir } from '../../server/paths';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const defs = loadSurveyDefs(surveyDefsDir);
const sipas = defs.find((d) => d.id === 'sipas-2017')!;
const quick = defs.find((d) => d.id === 'counter-quick')!;

describe('checkAnswers', () => {
  it('accepts ratings, no opinion (0), choices and text, and drops unanswered questions', () => {
    const result = checkAnswers(sipas, {
      access_seats: 5,
      access_equipment_enough: 0,
      access_equipment_modern: null,
      gender: 'female',
      suggestion: '  Cảm ơn cán bộ.  ',
      education: '',
    });
    expect(result).toEqual({ ok: true, answers: { access_seats: 5, access_equipment_enough: 0, gender: 'female', suggestion: 'Cảm ơn cán bộ.' } });
  });

  it('names every bad question with the reason', () => {
    const result = checkAnswers(sipas, { access_seats: 6, off_polite: '5', gender: 'other', nonsense: 1, suggestion: 'x'.repeat(2001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.code])).toEqual([
      ['answers.access_seats', 'out_of_range'],
      ['answers.off_polite', 'wrong_type'],
      ['answers.gender', 'unknown_option'],
      ['answers.nonsense', 'unknown_question'],
      ['answers.suggestion', 'too_long'],
    ]);
  });

  it('requires the counter rating, and has no "no opinion" on the 3-level scale', () => {
    expect(checkAnswers(quick, { reasons: ['late'] })).toMatchObject({ ok: false, issues: [{ path: 'answers.overall', code: 'missing_required' }] });
    expect(checkAnswers(quick, { overall: 0 })).toMatchObject({ ok: false, issues: [{ path: 'answers.overall', code: 'out_of_range' }] });
    expect(checkAnswers(quick, { overall: 1, reasons: ['late', 'many_trips', 'late'] })).toEqual({ ok: true, answers: { overall: 1, reasons: ['late', 'many_trips'] } });
  });

  it('counts ratings and choices but not free text', () => {
    expect(countableAnswers(sipas, { access_seats: 4, gender: 'male', suggestion: 'ok' })).toEqual({ access_seats: 4, gender: 'male' });
  });

  it('never throws and either accepts or names the question, whatever arrives', () => {
    const questionIds = [...sipas.elements.flatMap((e) => e.criteria.map((c) => c.id)), ...sipas.questions.map((q) => q.id), 'x', '__proto__', 'constructor'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...questionIds), fc.anything()), (raw) => {
        const result = checkAnswers(sipas, raw);
        if (result.ok) {
          for (const [qid, v] of Object.entries(result.answers)) {
            expect(questionIds).toContain(qid);
            expect(['number', 'string', 'object']).toContain(typeof v);
          }
        } else {
          for (const issue of result.issues) expect(issue.path).toMatch(/^answers\./);
        }
      }),
      { numRuns: 500 },
    );
  });
});
