// The editor's storage side: drafts made from a published version or imported, saved whole,
// published as an immutable version, and versions retired. Every change is checked (check-draft),
// audited, and bumps the catalog generation so that every app server sees it on its next request.
import type { Kysely } from 'kysely';
import type { DefinitionIssue } from '../../survey-defs/definition-issues';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import type { SurveyDraftRow, SurveyVersionRow } from '../db/tables/survey-versions';
import { HttpError } from '../http-error';
import { QUICK_SURVEY_ID } from '../invitations/invitation-surveys';
import { recordAudit } from '../repos/audit-log';
import { deleteSurveyDraft, findSurveyDraft, insertSurveyDraft, listSurveyDrafts, updateSurveyDraft } from '../repos/survey-drafts';
import { bumpCatalogGeneration, findSurveyVersion, insertSurveyVersion, listSurveyVersions, retireSurveyVersion } from '../repos/survey-versions';
import type { SurveyRegistry } from '../surveys/survey-registry';
import { checkDraft } from './check-draft';

export interface EditorDeps {
  db: Kysely<Database>;
  surveys: SurveyRegistry;
  clock: () => Date;
}

export interface DraftView {
  definition: SurveyDefinition;
  basedOn: number | null;
  updatedAt: string;
}

export function definitionOf(row: { definition: string }): SurveyDefinition {
  return surveyDefinitionSchema.parse(JSON.parse(row.definition));
}

/** Every questionnaire with its versions and its draft, for the editor's list. */
export async function listCatalog(db: Kysely<Database>) {
  const [versions, drafts] = await Promise.all([listSurveyVersions(db), listSurveyDrafts(db)]);
  const ids = [...new Set([...versions.map((v) => v.survey_id), ...drafts.map((d) => d.survey_id)])].sort();
  return ids.map((id) => {
    const own = versions.filter((v) => v.survey_id === id);
    const draft = drafts.find((d) => d.survey_id === id);
    const latest = own.at(-1) ?? draft!;
    const def = JSON.parse(latest.definition) as SurveyDefinition;
    return {
      id,
      title: def.title,
      method: def.method,
      versions: own.map((v) => ({ version: v.version, publishedAt: v.published_at ?? v.first_seen_at, publishedBy: v.published_by, retiredAt: v.retired_at })),
      draft: draft ? { basedOn: draft.based_on, version: draft.version, updatedAt: draft.updated_at, updatedBy: draft.updated_by } : null,
    };
  });
}

export async function readVersion(db: Kysely<Database>, id: string, version: number): Promise<SurveyVersionRow> {
  const row = await findSurveyVersion(db, id, version);
  if (!row) throw new HttpError(404, 'unknown_survey', `No published version ${version} of "${id}"`);
  return row;
}

export async function readDraft(db: Kysely<Database>, id: string): Promise<SurveyDraftRow> {
  const row = await findSurveyDraft(db, id);
  if (!row) throw new HttpError(404, 'no_draft', `"${id}" has no draft`);
  return row;
}

export function draftView(row: SurveyDraftRow): DraftView {
  return { definition: definitionOf(row), basedOn: row.based_on, updatedAt: row.updated_at };
}

/** A draft copied from a published version (default: the latest), numbered after every version. */
export async function createDraft(deps: EditorDeps, id: string, fromVersion: number | undefined, actor: string) {
  const versions = await listSurveyVersions(deps.db, id);
  if (!versions.length) throw new HttpError(404, 'unknown_survey', `No published questionnaire "${id}"`);
  const from = fromVersion === undefined ? versions.at(-1)! : versions.find((v) => v.version === fromVersion);
  if (!from) throw new HttpError(404, 'unknown_survey', `No published version ${fromVersion} of "${id}"`);
  const definition: SurveyDefinition = { ...definitionOf(from), version: nextVersion(versions), status: 'draft' };
  return storeNewDraft(deps, definition, from.version, versions.map(definitionOf), actor, 'survey.draft_create');
}

/** A draft from a file: a new questionnaire or the next version of one (same checks as a draft). */
export async function importDraft(deps: EditorDeps, imported: Record<string, unknown>, format: string, actor: string) {
  // Not a string: the schema names it below.
  const id = typeof imported.id === 'string' ? imported.id : '';
  const versions = await listSurveyVersions(deps.db, id);
  const candidate = { ...imported, version: nextVersion(versions), status: 'draft' };
  const checked = checkDraft(candidate, { id, version: candidate.version }, []);
  if (!checked.ok) throw invalidDefinition(checked.issues);
  return storeNewDraft(deps, checked.definition, null, versions.map(definitionOf), actor, 'survey.import', { format });
}

/**
 * Stores a new draft. The publishing rules are reported, not enforced, here: the draft is the
 * place to fix them (give a changed item a new id), and saving or publishing refuses them.
 */
async function storeNewDraft(deps: EditorDeps, definition: SurveyDefinition, basedOn: number | null, published: SurveyDefinition[], actor: string, action: string, details: Record<string, unknown> = {}) {
  const now = deps.clock();
  const checked = checkDraft(definition, { id: definition.id, version: definition.version }, published);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await insertSurveyDraft(trx, { definition, basedOn, by: actor }, now))) throw draftExists(definition.id);
    await recordAudit(trx, { actor, action, target: definition.id, details: { version: definition.version, basedOn, ...details } }, now);
  });
  return { definition, updatedAt: now.toISOString(), issues: checked.ok ? [] : checked.issues };
}

/** Replaces the draft whole; refused with every issue when it does not pass. */
export async function saveDraft(deps: EditorDeps, id: string, json: unknown, expected: string | undefined, actor: string) {
  const draft = await readDraft(deps.db, id);
  if (expected !== undefined && expected !== draft.updated_at) throw draftChanged(id);
  await refusePublishedVersion(deps.db, id, json);
  const versions = await listSurveyVersions(deps.db, id);
  const checked = checkDraft(json, { id, version: draft.version }, versions.map(definitionOf));
  if (!checked.ok) throw invalidDefinition(checked.issues);
  // updatedAt is the draft's version token: each save moves it on, even within one millisecond.
  const now = new Date(Math.max(deps.clock().getTime(), Date.parse(draft.updated_at) + 1));
  // Compared with the time read above, so that two admins saving at once do not overwrite each other.
  if (!(await updateSurveyDraft(deps.db, checked.definition, actor, now, draft.updated_at))) throw draftChanged(id);
  return { definition: checked.definition, updatedAt: now.toISOString() };
}

export async function discardDraft(deps: EditorDeps, id: string, actor: string): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteSurveyDraft(trx, id))) throw new HttpError(404, 'no_draft', `"${id}" has no draft`);
    await recordAudit(trx, { actor, action: 'survey.draft_delete', target: id }, now);
  });
}

/** Checks the draft again, stores it as an immutable published version and removes the draft. */
export async function publishDraft(deps: EditorDeps, id: string, expected: string | undefined, actor: string) {
  const now = deps.clock();
  const published = await deps.db.transaction().execute(async (trx) => {
    const draft = await readDraft(trx, id);
    if (expected !== undefined && expected !== draft.updated_at) throw draftChanged(id);
    const versions = await listSurveyVersions(trx, id);
    if (versions.some((v) => v.version === draft.version)) throw versionPublished(id, draft.version);
    const checked = checkDraft(JSON.parse(draft.definition), { id, version: draft.version }, versions.map(definitionOf));
    if (!checked.ok) throw invalidDefinition(checked.issues);
    const def: SurveyDefinition = { ...checked.definition, status: 'published' };
    if (!(await insertSurveyVersion(trx, def, actor, now))) throw versionPublished(id, def.version);
    if (!(await deleteSurveyDraft(trx, id, draft.updated_at))) throw draftChanged(id);
    await bumpCatalogGeneration(trx);
    await recordAudit(trx, { actor, action: 'survey.publish', target: id, details: { version: def.version, basedOn: draft.based_on } }, now);
    return def;
  });
  await deps.surveys.refresh();
  return { version: published.version, publishedAt: now.toISOString() };
}

/**
 * Stops offering a version. The last offered version of the quick rating (counter-quick) may not
 * be retired: every kiosk shows it after each dossier and the QR slip offers it, so without it a
 * counter would have nothing to ask; publish its next version first, then retire the old one.
 */
export async function retireVersion(deps: EditorDeps, id: string, version: number, actor: string) {
  const now = deps.clock();
  const retiredAt = await deps.db.transaction().execute(async (trx) => {
    const versions = await listSurveyVersions(trx, id);
    const row = versions.find((v) => v.version === version);
    if (!row) throw new HttpError(404, 'unknown_survey', `No published version ${version} of "${id}"`);
    if (row.retired_at) return row.retired_at;
    const offered = versions.filter((v) => !v.retired_at);
    if (id === QUICK_SURVEY_ID && offered.length === 1) {
      throw new HttpError(409, 'quick_rating_needed', `${id} v${version} is the last version of the quick rating still offered; publish another version before retiring it`);
    }
    await retireSurveyVersion(trx, id, version, now);
    await bumpCatalogGeneration(trx);
    await recordAudit(trx, { actor, action: 'survey.retire', target: id, details: { version } }, now);
    return now.toISOString();
  });
  await deps.surveys.refresh();
  return { version, retiredAt };
}

function nextVersion(versions: readonly { version: number }[]): number {
  return Math.max(0, ...versions.map((v) => v.version)) + 1;
}

/** An edit that names a published version is an edit of something immutable. */
async function refusePublishedVersion(db: Kysely<Database>, id: string, json: unknown): Promise<void> {
  if (!json || typeof json !== 'object') return;
  const { id: defId, version } = json as { id?: unknown; version?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version)) return;
  if (await findSurveyVersion(db, typeof defId === 'string' ? defId : id, version)) throw versionPublished(typeof defId === 'string' ? defId : id, version);
}

export function invalidDefinition(issues: DefinitionIssue[]): HttpError {
  const first = issues[0];
  return new HttpError(422, 'invalid_definition', `The questionnaire is not valid${first ? `: ${first.path || '(definition)'}: ${first.message}` : ''}`, issues);
}

function draftExists(id: string) {
  return new HttpError(409, 'draft_exists', `"${id}" has a draft already; edit or delete it first`);
}

function draftChanged(id: string) {
  return new HttpError(409, 'draft_changed', `The draft of "${id}" was changed by someone else since you read it; load it again`);
}

function versionPublished(id: string, version: number) {
  return new HttpError(409, 'version_published', `${id} v${version} is published and cannot change; edit a draft of the next version`);
}
