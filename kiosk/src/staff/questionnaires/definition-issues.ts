// The issues of a draft definition, checked by the same schema the server uses. Pure.
import { surveyDefinitionSchema } from '../../../../survey-defs/schema';

export interface DefinitionIssue {
  /** Dotted path into the definition, e.g. "elements.2.criteria.0.text.vi". */
  path: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

/** Every issue of the definition, in the schema's order; [] when it may be published. */
export function draftIssues(json: unknown): DefinitionIssue[] {
  const result = surveyDefinitionSchema.safeParse(json);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const { code, path, message, ...rest } = issue as { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;
    const params = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v !== 'object' || v === null || Array.isArray(v)));
    return { path: path.map(String).join('.'), code: code === 'custom' ? customCode(message) : code, message, params };
  });
}

// Until survey-defs gives its custom issues stable codes, they are read from the schema's words.
const CUSTOM: [RegExp, string][] = [
  [/^unknown scale/, 'unknown_scale'],
  [/used twice/, 'duplicate_id'],
  [/^unknown section/, 'unknown_section'],
  [/not an earlier single or multiple/, 'bad_condition'],
  [/is not an option/, 'not_an_option'],
  [/is not a level/, 'not_a_level'],
  [/must be unique/, 'duplicate_level'],
  [/names its priority/, 'priority_required'],
  [/belong to an expectation/, 'priority_not_expectation'],
  [/^unknown element/, 'unknown_element'],
  [/in two groups/, 'element_in_two_groups'],
  [/needs groups/, 'groups_required'],
];

function customCode(message: string): string {
  return CUSTOM.find(([pattern]) => pattern.test(message))?.[1] ?? 'custom';
}
