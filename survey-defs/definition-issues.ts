// What is wrong with a questionnaire definition, in a shape the staff editor can translate: each
// problem has the dotted path of the field, a stable code (zod's own for shapes and types, the
// schema's `params.code` for the rules between fields) and an English message. Pure: the pages
// import it too, so nothing from node here.
import { surveyDefinitionSchema, type SurveyDefinition } from './schema';

export interface DefinitionIssue {
  /** e.g. "elements.2.criteria.0.text.vi"; "" for the definition as a whole. */
  path: string;
  code: string;
  message: string;
  /** What the message names (an id, an option, a value), for a translated message. */
  params?: Record<string, unknown>;
}

/** Every problem of the definition (none: it satisfies the schema). */
export function definitionIssues(json: unknown): DefinitionIssue[] {
  const checked = checkDefinition(json);
  return checked.ok ? [] : checked.issues;
}

export type CheckedDefinition = { ok: true; definition: SurveyDefinition } | { ok: false; issues: DefinitionIssue[] };

/** The definition with the schema's defaults filled in, or every problem it has. */
export function checkDefinition(json: unknown): CheckedDefinition {
  const parsed = surveyDefinitionSchema.safeParse(json);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const custom = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
      const code = typeof custom?.code === 'string' ? custom.code : issue.code;
      const params = custom ? Object.fromEntries(Object.entries(custom).filter(([k]) => k !== 'code')) : undefined;
      return { path: issue.path.map(String).join('.'), code, message: issue.message, ...(params && Object.keys(params).length ? { params } : {}) };
    }),
  };
}
