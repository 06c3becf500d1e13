// The checks a draft passes before it is saved or published: the schema (with its field codes)
// and the publishing rules against every published version of the questionnaire. Pure.
import { checkDefinition, type DefinitionIssue } from '../../survey-defs/definition-issues';
import type { SurveyDefinition } from '../../survey-defs/schema';
import { publishingIssues } from './publishing-rules';

export type CheckedDraft = { ok: true; definition: SurveyDefinition } | { ok: false; issues: DefinitionIssue[] };

/**
 * `json` as the draft `id` v`version`. A draft's status is always "draft" (publishing sets
 * "published"), whatever the editor sent back.
 */
export function checkDraft(json: unknown, expected: { id: string; version: number }, published: readonly SurveyDefinition[]): CheckedDraft {
  const input = json && typeof json === 'object' && !Array.isArray(json) ? { ...(json as object), status: 'draft' } : json;
  const checked = checkDefinition(input);
  if (!checked.ok) return checked;
  const def = checked.definition;
  const issues: DefinitionIssue[] = [];
  if (def.id !== expected.id) issues.push({ path: 'id', code: 'id_mismatch', message: `the draft is of "${expected.id}", not "${def.id}"`, params: { id: expected.id } });
  if (def.version !== expected.version) {
    issues.push({ path: 'version', code: 'version_fixed', message: `the draft is version ${expected.version}; its number was fixed when it was made`, params: { version: expected.version } });
  }
  issues.push(...publishingIssues(def, published));
  return issues.length ? { ok: false, issues } : { ok: true, definition: def };
}
