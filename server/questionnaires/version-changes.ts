// Which criteria each version of a questionnaire brought in or dropped, for the markers on the
// dashboard's trend (a line that starts or ends there is a new or gone question, not a change in
// satisfaction). Pure.
import type { SurveyDefinition } from '../../survey-defs/schema';

export interface VersionChange {
  version: number;
  publishedAt: string | null;
  added: string[];
  removed: string[];
}

/** Each version after the first, compared with the one before it (by version number). */
export function criterionChanges(versions: readonly { definition: SurveyDefinition; publishedAt: string | null }[]): VersionChange[] {
  const sorted = [...versions].sort((a, b) => a.definition.version - b.definition.version);
  return sorted.slice(1).map((v, i) => {
    const before = criterionIds(sorted[i]!.definition);
    const now = criterionIds(v.definition);
    return {
      version: v.definition.version,
      publishedAt: v.publishedAt,
      added: [...now].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !now.has(id)),
    };
  });
}

function criterionIds(def: SurveyDefinition): Set<string> {
  return new Set(def.elements.flatMap((el) => el.criteria.map((c) => c.id)));
}
