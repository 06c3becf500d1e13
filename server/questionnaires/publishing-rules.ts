// What a new version of a questionnaire may change. Pure.
//
// Scores add up answers by question id across every version of one questionnaire: answer_tallies
// has no version column, and a trend runs from version 1 to the latest. So an id that a new version
// keeps must keep what its answers mean:
//   - a criterion stays a criterion, on a scale with the same level values, the same satisfied
//     and dissatisfied values and the same "no opinion" choice (labels and faces may be reworded);
//   - a question keeps its type and every option id it had (options may be added, and reworded).
// Anything else (a 5-point criterion rated on 4 points, an option dropped or turned into another)
// must take a new id, and its answers start a new line. That is how no response is ever re-scored
// under a version it did not answer: every id it carries means the same in every version that
// has it, so counting it with the others never reads it as something it was not.
import type { DefinitionIssue } from '../../survey-defs/definition-issues';
import type { Question, Scale, SurveyDefinition } from '../../survey-defs/schema';

type Meaning = { kind: 'criterion'; scale: Scale; version: number } | { kind: 'question'; question: Question; version: number };

/** Every refusal of `draft` against the published versions of its questionnaire (none: it may be published). */
export function publishingIssues(draft: SurveyDefinition, published: readonly SurveyDefinition[]): DefinitionIssue[] {
  const earlier = meaningsOf(published.filter((p) => p.id === draft.id).sort((a, b) => a.version - b.version));
  const issues: DefinitionIssue[] = [];
  const refuse = (path: string, code: string, id: string, was: Meaning, what: string, params: Record<string, unknown> = {}) =>
    issues.push({ path, code, message: `"${id}" ${what} in version ${was.version}; give the changed item a new id`, params: { id, version: was.version, ...params } });

  draft.elements.forEach((el, e) =>
    el.criteria.forEach((c, i) => {
      const path = `elements.${e}.criteria.${i}`;
      for (const was of earlier.get(c.id) ?? []) {
        if (was.kind !== 'criterion') {
          refuse(`${path}.id`, 'kind_changed', c.id, was, `was a ${was.question.type} question, not a criterion,`);
          continue;
        }
        const scale = draft.scales[c.scale];
        if (scale && !sameMeaning(scale, was.scale)) refuse(`${path}.scale`, 'scale_changed', c.id, was, 'was rated on a scale with other values, satisfied/dissatisfied values or no-opinion choice');
      }
    }),
  );
  draft.questions.forEach((q, i) => {
    const path = `questions.${i}`;
    for (const was of earlier.get(q.id) ?? []) {
      if (was.kind !== 'question') refuse(`${path}.id`, 'kind_changed', q.id, was, 'was a criterion, not a question,');
      else if (was.question.type !== q.type) refuse(`${path}.type`, 'type_changed', q.id, was, `was a ${was.question.type} question`, { type: was.question.type });
      else if (was.question.type !== 'text' && q.type !== 'text') {
        const now = new Set(q.options.map((o) => o.id));
        for (const o of was.question.options.filter((o) => !now.has(o.id))) {
          refuse(`${path}.options`, 'option_removed', q.id, was, `had the option "${o.id}"`, { option: o.id });
        }
      }
    }
  });
  return issues;
}

/** What each id meant in each version that had it (one entry per distinct meaning is enough). */
function meaningsOf(versions: readonly SurveyDefinition[]): Map<string, Meaning[]> {
  const byId = new Map<string, Meaning[]>();
  const add = (id: string, m: Meaning) => byId.set(id, [...(byId.get(id) ?? []), m]);
  for (const def of versions) {
    for (const el of def.elements) for (const c of el.criteria) if (def.scales[c.scale]) add(c.id, { kind: 'criterion', scale: def.scales[c.scale]!, version: def.version });
    for (const q of def.questions) add(q.id, { kind: 'question', question: q, version: def.version });
  }
  return byId;
}

function sameMeaning(a: Scale, b: Scale): boolean {
  const set = (xs: number[]) => [...new Set(xs)].sort((x, y) => x - y).join(',');
  return (
    set(a.levels.map((l) => l.value)) === set(b.levels.map((l) => l.value)) &&
    set(a.satisfied) === set(b.satisfied) &&
    set(a.dissatisfied) === set(b.dissatisfied) &&
    a.noOpinion === b.noOpinion
  );
}
