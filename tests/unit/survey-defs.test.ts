import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCriteria } from '../../survey-defs/criteria';
import { surveyDefinitionSchema } from '../../survey-defs/schema';
import { surveyDefsDir } from '../../server/paths';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';

const shipped = loadSurveyDefs(surveyDefsDir);
const sipas = shipped.find((d) => d.id === 'sipas-2017')!;
const quick = shipped.find((d) => d.id === 'counter-quick')!;

describe('shipped survey definitions', () => {
  it('sipas-2017 has the 5 elements and 22 criteria of Decision 2640 on the 5-point scale', () => {
    expect(sipas.elements.map((e) => [e.id, e.criteria.length])).toEqual([
      ['access', 4],
      ['procedure', 5],
      ['official', 6],
      ['result', 3],
      ['feedback', 4],
    ]);
    expect(listCriteria(sipas)).toHaveLength(22);
    const five = sipas.scales.five!;
    expect(five.levels.map((l) => l.value).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(five.satisfied).toEqual([4, 5]);
    expect(five.noOpinion).toBe(true);
    expect(listCriteria(sipas).every((c) => c.scale === 'five')).toBe(true);
  });

  it('sipas-2017 asks the non-rating questions of the method', () => {
    expect(sipas.questions.map((q) => q.id)).toEqual(['submission_channel', 'trips', 'informal_payment', 'gender', 'age_band', 'education', 'suggestion']);
    const age = sipas.questions.find((q) => q.id === 'age_band');
    expect(age?.type === 'single' && age.options.map((o) => o.label.vi)).toEqual([
      'Từ 18 đến 24 tuổi', 'Từ 25 đến 34 tuổi', 'Từ 35 đến 49 tuổi', 'Từ 50 đến 60 tuổi', 'Trên 60 tuổi',
    ]);
  });

  it('counter-quick is the 3-level rating with optional reasons', () => {
    const [criterion] = listCriteria(quick);
    expect(criterion?.required).toBe(true);
    const three = quick.scales[criterion!.scale]!;
    expect(three.levels.map((l) => l.label.vi)).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(three.satisfied.sort()).toEqual([2, 3]);
    expect(quick.questions.map((q) => [q.id, q.type, q.required])).toEqual([['reasons', 'multi', false]]);
  });

  it('every text is in Vietnamese and English', () => {
    const texts: unknown[] = [];
    const walk = (v: unknown) => {
      if (v && typeof v === 'object') {
        if ('vi' in v) texts.push(v);
        else Object.values(v).forEach(walk);
      }
    };
    shipped.forEach(walk);
    expect(texts.length).toBeGreaterThan(60);
    for (const t of texts as Record<string, string>[]) expect(t.en, JSON.stringify(t)).toBeTruthy();
  });
});

describe('the definition schema', () => {
  const base = JSON.parse(readFileSync(join(surveyDefsDir, 'counter-quick.v1.json'), 'utf8'));

  it('names the field of a criterion that points at an unknown scale', () => {
    const broken = structuredClone(base);
    broken.elements[0].criteria[0].scale = 'seven';
    const result = surveyDefinitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('elements.0.criteria.0.scale');
  });

  it('refuses a question id used twice and a satisfied value that is not a level', () => {
    const broken = structuredClone(base);
    broken.questions[0].id = 'overall';
    broken.scales.three.satisfied = [2, 9];
    const paths = surveyDefinitionSchema.safeParse(broken).error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['questions.0.id', 'scales.three.satisfied.1']));
  });

  it('stops loading with a message naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'defs-'));
    const broken = structuredClone(base);
    delete broken.elements[0].title;
    writeFileSync(join(dir, 'counter-quick.v1.json'), JSON.stringify(broken));
    expect(() => loadSurveyDefs(dir)).toThrow(/counter-quick\.v1\.json: elements\.0\.title/);
  });

  it('stops loading when the file name and the version inside disagree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'defs-'));
    writeFileSync(join(dir, 'counter-quick.v2.json'), JSON.stringify(base));
    expect(() => loadSurveyDefs(dir)).toThrow(/counter-quick\.v2\.json: id\/version/);
  });

  it('stops loading on a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'defs-'));
    writeFileSync(join(dir, 'counter-quick.v1.json'), '{ "id": ');
    expect(() => loadSurveyDefs(dir)).toThrow(/counter-quick\.v1\.json: not valid JSON/);
  });
});
