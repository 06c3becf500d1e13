// The pure parts of the staff questionnaire editor: edits of a draft, and an issue of the schema
// in words that name the field as the editor shows it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../kiosk/locales/staff/en.json';
import vi from '../../kiosk/locales/staff/vi.json';
import { translate, type MessageTree } from '../../kiosk/src/shared/translate';
import { draftIssues } from '../../kiosk/src/staff/questionnaires/definition-issues';
import { changeQuestionType, freshId, moveItem, newCriterion, setAt, setText } from '../../kiosk/src/staff/questionnaires/draft-model';
import { fieldId, issueWords } from '../../kiosk/src/staff/questionnaires/issue-words';
import type { SurveyDefinition } from '../../survey-defs/schema';

const sipas2023 = () => JSON.parse(readFileSync('survey-defs/sipas-2023.v1.json', 'utf8')) as SurveyDefinition;
const tVi = (key: string, params?: Record<string, string | number>) => translate(vi as MessageTree, vi as MessageTree, key, params);
const tEn = (key: string, params?: Record<string, string | number>) => translate(en as MessageTree, vi as MessageTree, key, params);

describe('editing a draft', () => {
  it('moves an item up, down and to the ends without losing or copying any', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('changes one value deep in the definition and leaves the original as it was', () => {
    const def = sipas2023();
    const next = setAt(def, ['elements', 4, 'criteria', 0, 'text', 'vi'], 'Mới');
    expect(next.elements[4]!.criteria[0]!.text.vi).toBe('Mới');
    expect(def.elements[4]!.criteria[0]!.text.vi).not.toBe('Mới');
    expect(next.elements[3]).toBe(def.elements[3]);
    expect(setAt(def, ['questions', 0, 'help'], undefined).questions[0]).not.toHaveProperty('help');
  });

  it('keeps Vietnamese even when emptied, and drops an emptied English text (the pages fall back to Vietnamese)', () => {
    expect(setText({ vi: 'Một', en: 'One' }, 'vi', '')).toEqual({ vi: '', en: 'One' });
    expect(setText({ vi: 'Một', en: 'One' }, 'en', '')).toEqual({ vi: 'Một' });
    expect(setText(undefined, 'en', 'Help')).toEqual({ vi: '', en: 'Help' });
  });

  it('gives a new criterion an id no element, criterion or question has, on the first scale', () => {
    const def = sipas2023();
    expect(freshId('x', ['x_1', 'x_2'])).toBe('x_3');
    const c = newCriterion(setAt(def, ['questions', 0, 'id'], 'criterion_1'));
    expect(c).toMatchObject({ id: 'criterion_2', scale: 'five', text: { vi: '' } });
  });

  it('turns a choice question into a written one and back, with what each type needs', () => {
    const q = sipas2023().questions.find((x) => x.id === 'exp_online')!;
    const asText = changeQuestionType(q, 'text');
    expect(asText).toMatchObject({ type: 'text', maxLength: 1000 });
    expect(asText).not.toHaveProperty('options');
    expect(asText).not.toHaveProperty('priority');
    expect(changeQuestionType(asText, 'multi')).toMatchObject({ type: 'multi', options: [{ id: 'option_1' }, { id: 'option_2' }] });
  });
});

describe('issues of a draft in words', () => {
  it('names an empty criterion by its number and element, in Vietnamese and in English, and links its field', () => {
    const def = sipas2023();
    const access = def.elements.findIndex((e) => e.id === 'access');
    const draft = setAt(def, ['elements', access, 'criteria'], [...def.elements[access]!.criteria.slice(0, 2), newCriterion(def), ...def.elements[access]!.criteria.slice(2)]);
    const issues = draftIssues(draft);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: `elements.${access}.criteria.2.text.vi`, code: 'too_small' });
    expect(issueWords(draft, issues[0]!, tVi, 'vi')).toEqual({
      text: 'Tiêu chí 3 của yếu tố «Tiếp cận dịch vụ»: nội dung tiếng Việt không được để trống',
      target: fieldId(['elements', access, 'criteria', 2, 'text', 'vi']),
    });
    expect(issueWords(draft, issues[0]!, tEn, 'en').text).toBe('Criterion 3 of the element “Access to the service”: the text in Vietnamese must not be empty');
  });

  it('gives the schema’s own checks stable codes with words: an unknown scale, a twice-used id, a bad condition', () => {
    let def = sipas2023();
    def = setAt(def, ['elements', 0, 'criteria', 0, 'scale'], 'seven');
    def = setAt(def, ['questions', 1, 'id'], def.questions[0]!.id);
    def = setAt(def, ['questions', 5, 'showIf', 'question'], 'suggestion');
    const words = draftIssues(def).map((i) => [i.code, issueWords(def, i, tVi, 'vi').text]);
    expect(words).toEqual(expect.arrayContaining([
      ['unknown_scale', expect.stringMatching(/^Tiêu chí 1 của yếu tố «.+»: thang đo không có thang đo này$/)],
      ['duplicate_id', expect.stringMatching(/^Câu hỏi 2 «.+»: mã trùng mã/)],
      ['bad_condition', expect.stringMatching(/^Câu hỏi 6 «.+»: câu hỏi điều kiện phải là một câu hỏi chọn một/)],
    ]));
  });

  it('names what a new version may not change, against the published versions', () => {
    const v1 = sipas2023();
    const options = (v1.questions[0] as Extract<SurveyDefinition['questions'][number], { type: 'single' }>).options;
    const draft = setAt(setAt(v1, ['version'], 2), ['questions', 0, 'options'], options.slice(1));
    const issues = draftIssues(draft, [v1]);
    expect(issues.map((i) => i.code)).toEqual(['option_removed']);
    const removed = options[0]!.id;
    expect(issueWords(draft, issues[0]!, tVi, 'vi').text).toMatch(new RegExp(`^Câu hỏi 1 «.+»: các lựa chọn không được bỏ lựa chọn «${removed}» đã có ở phiên bản 1`));
    expect(draftIssues(draft, [])).toEqual([]);
  });

  it('says how many are needed when a list is too short', () => {
    const def = setAt(sipas2023(), ['questions', 0, 'options'], [{ id: 'only', label: { vi: 'Một' } }]);
    const issue = draftIssues(def).find((i) => i.path === 'questions.0.options')!;
    expect(issueWords(def, issue, tVi, 'vi').text).toMatch(/^Câu hỏi 1 «.+»: các lựa chọn cần ít nhất 2$/);
  });
});
