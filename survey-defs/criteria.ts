// Helpers the pages share with the server; type-only imports keep zod out of the page bundles.
import type { Criterion, SurveyDefinition } from './schema';

/** The criteria of a definition in order, each with the element it belongs to. */
export function listCriteria(def: SurveyDefinition): (Criterion & { element: string })[] {
  return def.elements.flatMap((el) => el.criteria.map((c) => ({ ...c, element: el.id })));
}
