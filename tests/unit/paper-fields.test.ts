import { describe, expect, it } from 'vitest';
import { paperFields, typedAnswer, withAnswer } from '../../kiosk/src/staff/paper/paper-fields';
import { surveyDefsDir } from '../../server/paths';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const defs = loadSurveyDefs(surveyDefsDir);
const sipas = paperFields(defs.find((d) => d.id === 'sipas-2017')!);
const field = (id: string) => sipas.find((f) => f.id === id)!;

describe('typing a paper form with the number keys', () => {
  it('lists the criteria first, each rating with its levels best first, then the other questions', () => {
    expect(sipas.slice(0, 22).every((f) => f.kind === 'rating')).toBe(true);
    const seats = field('access_seats');
    expect(seats.kind === 'rating' && seats.levels.map((l) => l.value)).toEqual([5, 4, 3, 2, 1]);
    expect(sipas.at(-1)).toMatchObject({ id: 'suggestion', kind: 'text' });
  });

  it('takes a level digit or 0 (no opinion) for a rating, and nothing else', () => {
    expect(typedAnswer(field('access_seats'), '4', undefined)).toBe(4);
    expect(typedAnswer(field('access_seats'), '0', undefined)).toBe(0);
    expect(typedAnswer(field('access_seats'), '6', undefined)).toBeUndefined();
    expect(typedAnswer(field('access_seats'), 'a', undefined)).toBeUndefined();
    expect(typedAnswer(field('access_seats'), 'Backspace', 4)).toBeNull();
  });

  it('takes an option\'s number for a choice, toggling options of a multiple choice', () => {
    expect(typedAnswer(field('gender'), '2', undefined)).toBe('female');
    expect(typedAnswer(field('gender'), '9', undefined)).toBeUndefined();
    const quick = paperFields(defs.find((d) => d.id === 'counter-quick')!);
    const reasons = quick.find((f) => f.id === 'reasons')!;
    expect(typedAnswer(reasons, '1', undefined)).toEqual(['on_time']);
    expect(typedAnswer(reasons, '2', ['on_time'])).toEqual(['on_time', 'courteous']);
    expect(typedAnswer(reasons, '1', ['on_time'])).toBeNull();
    expect(typedAnswer(quick[0]!, '0', undefined)).toBeUndefined(); // the counter form has no "no opinion"
  });

  it('clears an answer without touching the others', () => {
    expect(withAnswer({ a: 1, b: 2 }, 'a', null)).toEqual({ b: 2 });
    expect(withAnswer({ a: 1 }, 'b', 3)).toEqual({ a: 1, b: 3 });
  });
});
