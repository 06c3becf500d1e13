// The issues of a draft, found in the page by the same pure checks the server runs on save and
// publish: the schema (survey-defs/definition-issues) and, once that passes, the publishing rules
// against the questionnaire's published versions (an id keeps its meaning across versions).
import { checkDefinition, type DefinitionIssue } from '../../../../survey-defs/definition-issues';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { publishingIssues } from '../../../../server/questionnaires/publishing-rules';

export type { DefinitionIssue };

/** Every issue of the draft, in the server's order; [] when it may be published. */
export function draftIssues(json: unknown, published: readonly SurveyDefinition[] = []): DefinitionIssue[] {
  const checked = checkDefinition(json);
  if (!checked.ok) return checked.issues;
  return publishingIssues(checked.definition, published);
}
