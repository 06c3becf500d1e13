import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionIssues } from '../../survey-defs/definition-issues';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { surveyDefsDir } from '../../server/paths';
import { checkDraft } from '../../server/questionnaires/check-draft';
import { publishingIssues } from '../../server/questionnaires/publishing-rules';
import { criterionChanges } from '../../server/questionnaires/version-changes';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const quick = loadSurveyDefs(surveyDefsDir).find((d) => d.id === 'counter-quick')!;
const next = (change: (d: SurveyDefinition) => void, from = quick): SurveyDefinition => {
  const d = structuredClone(from);
  d.version = from.version + 1;
  d.status = 'draft';
  change(d);
  return d;
};
const refusals = (draft: SurveyDefinition, published = [quick]) => publishingIssues(draft, published).map((i) => `${i.path} ${i.code}`);

describe('publishing rules: an id kept across versions keeps what its answers mean', () => {
  it('lets a version reword texts and labels, add criteria, questions and options, and drop an id', () => {
    const v2 = next((d) => {
      d.elements[0]!.criteria[0]!.text.vi = 'Ông/Bà hài lòng thế nào?';
      d.scales.three!.levels[0]!.label.vi = 'Rất hài lòng!';
      d.elements[0]!.criteria.push({ id: 'waiting', text: { vi: 'Thời gian chờ' }, scale: 'three', required: false });
      (d.questions[0] as { options: unknown[] }).options.push({ id: 'new_reason', label: { vi: 'Lý do mới' } });
    });
    expect(publishingIssues(v2, [quick])).toEqual([]);
    expect(publishingIssues(next((d) => d.questions.splice(0, 1)), [quick])).toEqual([]);
  });

  it('refuses a criterion rated on other values, satisfied or dissatisfied values, or no-opinion choice', () => {
    expect(refusals(next((d) => d.scales.three!.levels.pop()))).toEqual(['elements.0.criteria.0.scale scale_changed']);
    expect(refusals(next((d) => (d.scales.three!.satisfied = [3])))).toEqual(['elements.0.criteria.0.scale scale_changed']);
    expect(refusals(next((d) => (d.scales.three!.dissatisfied = [1, 2])))).toEqual(['elements.0.criteria.0.scale scale_changed']);
    expect(refusals(next((d) => (d.scales.three!.noOpinion = true)))).toEqual(['elements.0.criteria.0.scale scale_changed']);
    // The same scale under another name is the same meaning.
    expect(refusals(next((d) => { d.scales.trois = d.scales.three!; delete d.scales.three; d.elements[0]!.criteria[0]!.scale = 'trois'; }))).toEqual([]);
  });

  it('refuses a question of another type, a dropped option, and an id that changes kind', () => {
    expect(refusals(next((d) => ((d.questions[0] as { type: string }).type = 'single')))).toEqual(['questions.0.type type_changed']);
    expect(refusals(next((d) => ((d.questions[0] as { options: { id: string }[] }).options.splice(1, 1))))).toEqual(['questions.0.options option_removed']);
    const swapped = next((d) => {
      const reasons = d.questions[0]!;
      d.questions[0] = { id: 'overall', type: 'text', text: { vi: 'Ý kiến' }, maxLength: 100, required: false };
      d.elements[0]!.criteria = [{ id: reasons.id, text: { vi: 'x' }, scale: 'three', required: false }];
    });
    expect(refusals(swapped)).toEqual(['elements.0.criteria.0.id kind_changed', 'questions.0.id kind_changed']);
  });

  it('names the id and the version and says to give a new id', () => {
    const [issue] = publishingIssues(next((d) => (d.scales.three!.satisfied = [3])), [quick]);
    expect(issue).toMatchObject({ params: { id: 'overall', version: 1 } });
    expect(issue!.message).toBe('"overall" was rated on a scale with other values, satisfied/dissatisfied values or no-opinion choice in version 1; give the changed item a new id');
  });

  it('checks against every earlier version, also one where the id was dropped since', () => {
    const v2 = next((d) => d.questions.splice(0, 1));
    const v3 = next((d) => d.questions.push({ id: 'reasons', type: 'text', text: { vi: 'Vì sao?' }, maxLength: 200, required: false }), v2);
    expect(refusals(v3, [quick, v2])).toEqual(['questions.0.type type_changed']);
    // Another questionnaire's ids are its own.
    expect(refusals({ ...v3, id: 'other' }, [quick, v2])).toEqual([]);
  });

  it('a draft keeps its id and version number', () => {
    const v2 = next(() => {});
    expect(checkDraft(v2, { id: 'counter-quick', version: 2 }, [quick]).ok).toBe(true);
    const moved = checkDraft({ ...v2, version: 5 }, { id: 'counter-quick', version: 2 }, [quick]);
    expect(moved.ok ? [] : moved.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['version version_fixed']);
    const renamed = checkDraft({ ...v2, id: 'other' }, { id: 'counter-quick', version: 2 }, [quick]);
    expect(renamed.ok ? [] : renamed.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['id id_mismatch']);
  });
});

describe('definitionIssues', () => {
  const broken = (change: (d: any) => void) => {
    const d = structuredClone(quick) as any;
    change(d);
    return definitionIssues(d).map((i) => ({ path: i.path, code: i.code, params: i.params }));
  };

  it('gives every rule between fields a stable code with what it names', () => {
    expect(broken((d) => (d.elements[0].criteria[0].scale = 'seven'))).toEqual([{ path: 'elements.0.criteria.0.scale', code: 'unknown_scale', params: { scale: 'seven' } }]);
    expect(broken((d) => (d.questions[0].id = 'overall'))).toEqual([{ path: 'questions.0.id', code: 'duplicate_id', params: { id: 'overall' } }]);
    expect(broken((d) => (d.questions[0].section = 'nowhere'))).toEqual([{ path: 'questions.0.section', code: 'unknown_section', params: { section: 'nowhere' } }]);
    expect(broken((d) => (d.questions[0].showIf = { question: 'later', anyOf: ['x'] }))).toEqual([{ path: 'questions.0.showIf.question', code: 'bad_condition', params: { question: 'later' } }]);
    expect(broken((d) => (d.scales.three.satisfied = [9]))).toEqual([{ path: 'scales.three.satisfied.0', code: 'not_a_level', params: { value: 9 } }]);
    expect(broken((d) => (d.scales.three.levels[1].value = 3))).toContainEqual({ path: 'scales.three.levels', code: 'duplicate_level', params: undefined });
    expect(broken((d) => (d.questions[0].options[1].id = d.questions[0].options[0].id))).toEqual([{ path: 'questions.0.options.1.id', code: 'duplicate_option', params: { option: 'on_time' } }]);
    expect(broken((d) => (d.scoring.overall = 'mean-of-groups'))).toEqual([{ path: 'scoring.overall', code: 'groups_missing' }]);
    expect(broken((d) => (d.groups = [{ id: 'g', title: { vi: 'G' }, elements: ['nope'] }]))).toEqual([{ path: 'groups.0.elements.0', code: 'unknown_element', params: { element: 'nope' } }]);
  });

  it('gives zod\'s own code and the full path for a wrong shape, and the English message', () => {
    const [issue] = definitionIssues({ ...structuredClone(quick), elements: [{ ...quick.elements[0], criteria: [{ ...quick.elements[0]!.criteria[0], text: { vi: '' } }] }] });
    expect(issue).toMatchObject({ path: 'elements.0.criteria.0.text.vi', code: 'too_small' });
    expect(definitionIssues(quick)).toEqual([]);
    expect(definitionIssues('nonsense')).toEqual([expect.objectContaining({ path: '', code: 'invalid_type' })]);
  });

  it('stays importable by the pages: nothing from node', () => {
    for (const file of ['definition-issues.ts', 'schema.ts']) expect(readFileSync(`${surveyDefsDir}/${file}`, 'utf8')).not.toMatch(/from 'node:|require\(/);
  });
});

describe('criterion changes between versions', () => {
  it('lists the criteria each version added and removed, compared with the one before', () => {
    const v2 = next((d) => d.elements[0]!.criteria.push({ id: 'waiting', text: { vi: 'Chờ' }, scale: 'three', required: false }));
    const v3 = next((d) => d.elements[0]!.criteria.splice(0, 1), v2);
    const changes = criterionChanges([
      { definition: v3, publishedAt: '2026-06-01T00:00:00.000Z' },
      { definition: quick, publishedAt: '2026-01-01T00:00:00.000Z' },
      { definition: v2, publishedAt: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(changes).toEqual([
      { version: 2, publishedAt: '2026-03-01T00:00:00.000Z', added: ['waiting'], removed: [] },
      { version: 3, publishedAt: '2026-06-01T00:00:00.000Z', added: [], removed: ['overall'] },
    ]);
    expect(criterionChanges([{ definition: quick, publishedAt: null }])).toEqual([]);
  });
});
