// Which parts (groups) of a questionnaire are asked. Decision 1001's questionnaire has two: the
// one-stop counter asks the service-delivery part; the policy part belongs to household surveys
// and paper forms. Pure and type-only towards zod, so the pages share it with the server.
import type { SurveyDefinition } from './schema';

/** Group ids of a questionnaire; null (or empty) asks every part. */
export type Parts = readonly string[] | null | undefined;

/**
 * The ids of the elements asked, or null when every element is. An element in no group is always
 * asked: a part can only leave out what it names.
 */
export function askedElements(def: Pick<SurveyDefinition, 'elements' | 'groups'>, parts: Parts): ReadonlySet<string> | null {
  if (!parts?.length) return null;
  const chosen = new Set(parts);
  const left = new Set(def.groups.filter((g) => !chosen.has(g.id)).flatMap((g) => g.elements));
  return new Set(def.elements.map((e) => e.id).filter((id) => !left.has(id)));
}

/** The parts named that are not groups of the questionnaire. */
export function unknownParts(def: Pick<SurveyDefinition, 'groups'>, parts: Parts): string[] {
  return (parts ?? []).filter((p) => !def.groups.some((g) => g.id === p));
}

/**
 * The parts in the questionnaire's order without repeats; null when they name every group (or
 * none), so "all parts" has one spelling wherever it is stored or compared.
 */
export function normaliseParts(def: Pick<SurveyDefinition, 'groups'>, parts: Parts): string[] | null {
  if (!parts?.length) return null;
  const chosen = def.groups.map((g) => g.id).filter((id) => parts.includes(id));
  return chosen.length === def.groups.length ? null : chosen;
}
