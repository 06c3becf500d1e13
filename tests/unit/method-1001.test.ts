import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../survey-defs/check-answers';
import { surveyDefinitionSchema } from '../../survey-defs/schema';
import { scoreCard } from '../../server/scoring/score-card';
import { addCount, emptyTally } from '../../server/scoring/tally';

// Decision 1001's structure in small: two contents (policy; services) above the elements, one
// assessment reported as shares, two expectations ranked, a follow-up asked only after a "yes".
const t = (vi: string) => ({ vi });
const five = {
  levels: [1, 2, 3, 4, 5].map((value, i) => ({ value, label: t(`mức ${value}`), face: (['very-sad', 'sad', 'neutral', 'happy', 'very-happy'] as const)[i]! })),
  satisfied: [4, 5], dissatisfied: [1, 2], noOpinion: true,
};
const criterion = (id: string) => ({ id, text: t(id), scale: 'five' });
const raw = {
  id: 'nho-1001', version: 1, status: 'published', title: t('Mẫu nhỏ'), intro: t('Giới thiệu'), method: 'QĐ 1001/QĐ-BNV',
  scales: { five },
  elements: [
    { id: 'accountability', title: t('Trách nhiệm giải trình'), criteria: [criterion('acc_1'), criterion('acc_2')] },
    { id: 'access', title: t('Tiếp cận dịch vụ'), criteria: [criterion('access_1')] },
    { id: 'officials', title: t('Công chức'), criteria: [criterion('off_1')] },
  ],
  groups: [
    { id: 'policy', title: t('Xây dựng, tổ chức thực hiện chính sách'), elements: ['accountability'] },
    { id: 'services', title: t('Cung ứng dịch vụ hành chính công'), elements: ['access', 'officials'] },
  ],
  questions: [
    { id: 'harassed', type: 'single', text: t('Có bị gây phiền hà?'), report: 'share', options: [{ id: 'yes', label: t('Có') }, { id: 'no', label: t('Không') }] },
    { id: 'harassed_how', type: 'multi', text: t('Phiền hà thế nào?'), showIf: { question: 'harassed', anyOf: ['yes'] }, required: true, options: [{ id: 'delay', label: t('Hẹn lại') }, { id: 'rude', label: t('Thái độ') }] },
    ...['exp_online', 'exp_fees'].map((id) => ({
      id, type: 'single', text: t(id), report: 'expectation', priority: ['very_much', 'much'],
      options: [{ id: 'very_much', label: t('Rất nhiều') }, { id: 'much', label: t('Nhiều') }, { id: 'little', label: t('Ít') }],
    })),
  ],
  scoring: { overall: 'mean-of-groups' },
};
const def = surveyDefinitionSchema.parse(raw);

describe('the 1001 structure, scored by hand', () => {
  // 10 responses. acc_1: 8 satisfied of 10 (80 %); acc_2: 6 of 10 (60 %) → accountability 70 %.
  // access_1: 9 of 10 (90 %); off_1: 7 of 10 (70 %) → services (90 + 70) / 2 = 80 %.
  const tally = emptyTally();
  tally.responses = 10;
  const rate = (q: string, satisfied: number, total: number) => {
    addCount(tally, q, '5', satisfied);
    addCount(tally, q, '2', total - satisfied);
  };
  rate('acc_1', 8, 10);
  rate('acc_2', 6, 10);
  rate('access_1', 9, 10);
  rate('off_1', 7, 10);
  addCount(tally, 'harassed', 'yes', 2);
  addCount(tally, 'harassed', 'no', 6);
  addCount(tally, 'exp_online', 'very_much', 3);
  addCount(tally, 'exp_online', 'much', 3);
  addCount(tally, 'exp_online', 'little', 4);
  addCount(tally, 'exp_fees', 'very_much', 5);
  addCount(tally, 'exp_fees', 'little', 3);

  const card = scoreCard(def, tally);

  it('gives each content the mean of its elements and the overall the mean of the contents', () => {
    expect(card.elements.map((e) => [e.id, e.index])).toEqual([['accountability', 70], ['access', 90], ['officials', 70]]);
    expect(card.groups!.map((g) => [g.id, g.index])).toEqual([['policy', 70], ['services', 80]]);
    // (70 + 80) / 2 = 75, not the mean of the three elements (76.67).
    expect(card.overall.index).toBe(75);
  });

  it('reports an assessment as the share of each answer among those who answered, with an interval', () => {
    const [harassed] = card.assessments!;
    expect(harassed!.n).toBe(8);
    expect(harassed!.options.map((o) => [o.id, o.count, o.share])).toEqual([['yes', 2, 25], ['no', 6, 75]]);
    // Wilson 95 % for 2 of 8: 7.15 % – 59.07 %.
    expect(harassed!.options[0]!.ci95!.map((x) => Math.round(x * 100) / 100)).toEqual([7.15, 59.07]);
  });

  it('ranks the expectations by the share wanting them much or very much', () => {
    // Fees: 5 of 8 = 62.5 %; online: 6 of 10 = 60 %.
    expect(card.expectations!.map((e) => [e.id, e.priority, e.n, e.share, e.rank])).toEqual([
      ['exp_fees', 5, 8, 62.5, 1],
      ['exp_online', 6, 10, 60, 2],
    ]);
  });

  it('leaves the 2017 definitions as they were: no groups, assessments or expectations', () => {
    const plain = surveyDefinitionSchema.parse({ ...raw, groups: [], questions: [], scoring: { overall: 'mean' } });
    const c = scoreCard(plain, tally);
    expect(c.overall.index).toBeCloseTo((70 + 90 + 70) / 3, 10);
    expect('groups' in c || 'assessments' in c || 'expectations' in c).toBe(false);
  });
});

describe('conditions and the checks of a definition', () => {
  it('asks the follow-up only after a "yes", and refuses an answer to it otherwise', () => {
    expect(checkAnswers(def, { harassed: 'no' })).toEqual({ ok: true, answers: { harassed: 'no' } });
    expect(checkAnswers(def, { harassed: 'yes' })).toMatchObject({ ok: false, issues: [{ path: 'answers.harassed_how', code: 'missing_required' }] });
    expect(checkAnswers(def, { harassed: 'yes', harassed_how: ['rude'] })).toEqual({ ok: true, answers: { harassed: 'yes', harassed_how: ['rude'] } });
    expect(checkAnswers(def, { harassed: 'no', harassed_how: ['rude'] })).toMatchObject({ ok: false, issues: [{ path: 'answers.harassed_how', code: 'not_asked' }] });
    expect(checkAnswers(def, { harassed_how: ['delay'] })).toMatchObject({ ok: false, issues: [{ code: 'not_asked' }] });
  });

  it('names the field of each mistake in a definition', () => {
    const broken = {
      ...raw,
      groups: [{ id: 'policy', title: t('x'), elements: ['accountability', 'nowhere'] }, { id: 'services', title: t('y'), elements: ['accountability'] }],
      questions: [
        { ...raw.questions[1], showIf: { question: 'harassed', anyOf: ['yes'] } },
        { ...raw.questions[0] },
        { ...raw.questions[2], priority: ['sometimes'] },
      ],
    };
    const result = surveyDefinitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'questions.0.showIf.question: "harassed" is not an earlier single or multiple choice question',
      'questions.2.priority.0: "sometimes" is not an option',
      'groups.0.elements.1: unknown element "nowhere"',
      'groups.1.elements.0: element "accountability" is in two groups',
    ]));
    expect(surveyDefinitionSchema.safeParse({ ...raw, groups: [] }).error!.issues.map((i) => i.path.join('.'))).toEqual(['scoring.overall']);
  });
});
