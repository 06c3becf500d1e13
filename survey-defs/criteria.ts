// Helpers the pages share with the server; type-only imports keep zod out of the page bundles.
import type { Criterion, SurveyDefinition } from './schema';

export type ListedCriterion = Criterion & { element: string };

// Definitions never change once loaded, so each one's list is made once (frozen: it is shared).
// Every answer with a free text asked for it twice afresh, 25 new objects each time.
const criteriaByDefinition = new WeakMap<SurveyDefinition, readonly ListedCriterion[]>();

/** The criteria of a definition in order, each with the element it belongs to. */
export function listCriteria(def: SurveyDefinition): readonly ListedCriterion[] {
  let criteria = criteriaByDefinition.get(def);
  if (!criteria) {
    criteria = Object.freeze(def.elements.flatMap((el) => el.criteria.map((c) => Object.freeze({ ...c, element: el.id }))));
    criteriaByDefinition.set(def, criteria);
  }
  return criteria;
}
