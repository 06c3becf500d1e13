import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../survey-defs/check-answers';
import { askedElements, normaliseParts, unknownParts } from '../../survey-defs/parts';
import { surveyDefinitionSchema } from '../../survey-defs/schema';
import { surveySteps } from '../../kiosk/src/shared/survey-steps';
import { surveyDefsDir } from '../../server/paths';
import { scoreCard } from '../../server/scoring/score-card';
import { addResponse, emptyTally } from '../../server/scoring/tally';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const sipas2023 = loadSurveyDefs(surveyDefsDir).find((d) => d.id === 'sipas-2023')!;
const SERVICE_ELEMENTS = ['access', 'procedure', 'officials', 'results', 'feedback'];
const POLICY_ELEMENTS = ['pol_accountability', 'pol_participation', 'pol_quality', 'pol_impact'];

// Decision 1001's two parts in small, with a required criterion in each part.
const t = (vi: string) => ({ vi });
const five = {
  levels: [1, 2, 3, 4, 5].map((value, i) => ({ value, label: t(`mức ${value}`), face: (['very-sad', 'sad', 'neutral', 'happy', 'very-happy'] as const)[i]! })),
  satisfied: [4, 5], dissatisfied: [1, 2], noOpinion: true,
};
const small = surveyDefinitionSchema.parse({
  id: 'nho-parts', version: 1, status: 'published', title: t('Mẫu nhỏ'), intro: t('Giới thiệu'), method: 'QĐ 1001/QĐ-BNV',
  scales: { five },
  elements: [
    { id: 'accountability', title: t('Trách nhiệm giải trình'), criteria: [{ id: 'acc_1', text: t('acc_1'), scale: 'five', required: true }, { id: 'acc_2', text: t('acc_2'), scale: 'five' }] },
    { id: 'access', title: t('Tiếp cận dịch vụ'), criteria: [{ id: 'access_1', text: t('access_1'), scale: 'five', required: true }] },
    { id: 'officials', title: t('Công chức'), criteria: [{ id: 'off_1', text: t('off_1'), scale: 'five' }] },
  ],
  groups: [
    { id: 'policy', title: t('Chính sách'), elements: ['accountability'] },
    { id: 'services', title: t('Dịch vụ'), elements: ['access', 'officials'] },
  ],
  questions: [{ id: 'gender', type: 'single', text: t('Giới tính'), section: 'about', options: [{ id: 'male', label: t('Nam') }, { id: 'female', label: t('Nữ') }] }],
  sections: [{ id: 'about', title: t('Về Ông/Bà') }],
  scoring: { overall: 'mean-of-groups' },
});

describe('the parts of a questionnaire', () => {
  it('asks the elements of the chosen parts only, and every element with no parts named', () => {
    expect([...askedElements(sipas2023, ['services'])!]).toEqual(SERVICE_ELEMENTS);
    expect([...askedElements(sipas2023, ['policy'])!]).toEqual(POLICY_ELEMENTS);
    expect(askedElements(sipas2023, null)).toBeNull();
    expect(askedElements(sipas2023, [])).toBeNull();
  });

  it('spells "every part" one way and names the parts a questionnaire does not have', () => {
    expect(normaliseParts(sipas2023, ['services', 'policy', 'services'])).toBeNull();
    expect(normaliseParts(sipas2023, ['services', 'services'])).toEqual(['services']);
    expect(normaliseParts(sipas2023, [])).toBeNull();
    expect(unknownParts(sipas2023, ['services', 'household'])).toEqual(['household']);
  });

  it('shows the service elements and not the policy ones on the screens of a services-only kiosk, with every other section', () => {
    const all = surveySteps(sipas2023);
    const services = surveySteps(sipas2023, ['services']);
    expect(services.filter((s) => s.kind === 'element').map((s) => s.id)).toEqual(SERVICE_ELEMENTS);
    expect(services.filter((s) => s.kind === 'section').map((s) => s.id)).toEqual(all.filter((s) => s.kind === 'section').map((s) => s.id));
    expect(all.filter((s) => s.kind === 'element')).toHaveLength(9);
  });
});

describe('checkAnswers with the parts asked', () => {
  it('refuses an answer to a criterion of a part not asked, naming it not_asked', () => {
    const result = checkAnswers(small, { access_1: 5, acc_1: 4, acc_2: 3 }, { parts: ['services'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.code])).toEqual([['answers.acc_1', 'not_asked'], ['answers.acc_2', 'not_asked']]);
  });

  it('does not demand the required criteria of a part not asked, and still demands those asked', () => {
    expect(checkAnswers(small, { access_1: 4, gender: 'male' }, { parts: ['services'] })).toEqual({ ok: true, answers: { access_1: 4, gender: 'male' } });
    expect(checkAnswers(small, { off_1: 4 }, { parts: ['services'] })).toMatchObject({ ok: false, issues: [{ path: 'answers.access_1', code: 'missing_required' }] });
    expect(checkAnswers(small, { acc_1: 5 }, { parts: ['policy'] })).toEqual({ ok: true, answers: { acc_1: 5 } });
    // Every part asked: both required criteria.
    expect(checkAnswers(small, { off_1: 4 }).ok).toBe(false);
    expect(checkAnswers(small, { off_1: 4 }, { parts: [] })).toMatchObject({ ok: false, issues: [{ path: 'answers.acc_1' }, { path: 'answers.access_1' }] });
  });
});

describe('scores when some responses were asked only some parts', () => {
  // Four kiosk answers asked only the services part and two household forms asked both parts:
  //   acc_1 (policy): household 5, 2 → 1 satisfied of 2 = 50 %; acc_2: household 4, 4 → 100 %
  //   → accountability (50 + 100) / 2 = 75 %, policy 75 % from the 2 forms only.
  //   access_1: kiosks 5, 4, 2, 1 and forms 5, 5 → 4 of 6 = 66.67 %; off_1: kiosks 4, 4, 4, 3 → 3 of 4 = 75 %
  //   → services (66.67 + 75) / 2 = 70.83 %; overall (75 + 70.83) / 2 = 72.92 %.
  const tally = emptyTally();
  const kiosk = [{ access_1: 5, off_1: 4 }, { access_1: 4, off_1: 4 }, { access_1: 2, off_1: 4 }, { access_1: 1, off_1: 3 }];
  const forms = [{ acc_1: 5, acc_2: 4, access_1: 5 }, { acc_1: 2, acc_2: 4, access_1: 5 }];
  for (const a of kiosk) {
    const checked = checkAnswers(small, a, { parts: ['services'] });
    if (!checked.ok) throw new Error('a services-only answer was refused');
    addResponse(tally, checked.answers);
  }
  for (const a of forms) {
    const checked = checkAnswers(small, a);
    if (!checked.ok) throw new Error('a household form was refused');
    addResponse(tally, checked.answers);
  }
  const card = scoreCard(small, tally);

  it('computes the policy index only from the responses that were asked it', () => {
    const policy = card.groups!.find((g) => g.id === 'policy')!;
    expect(policy.index).toBe(75);
    expect(card.criteria.find((c) => c.id === 'acc_1')!.n).toBe(2);
  });

  it('computes the services index from every response and the overall from both parts', () => {
    expect(card.responses).toBe(6);
    expect(card.criteria.find((c) => c.id === 'access_1')!.n).toBe(6);
    expect(card.groups!.find((g) => g.id === 'services')!.index).toBeCloseTo((400 / 6 + 75) / 2, 10);
    expect(card.overall.index).toBeCloseTo((75 + (400 / 6 + 75) / 2) / 2, 10);
    expect(Math.round(card.overall.index! * 100) / 100).toBe(72.92);
  });
});
