// The questionnaire editor's API (issue 12): every signed-in staff member reads the catalog and
// its versions; admins make, save, publish and delete drafts, retire versions and import files.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireStaff, staffOf, type StaffEnv } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { createDraft, definitionOf, discardDraft, draftView, importDraft, invalidDefinition, listCatalog, publishDraft, readDraft, readVersion, retireVersion, saveDraft } from '../questionnaires/questionnaire-editor';
import { fromSurveyJs, show, UNSUPPORTED_SURVEYJS } from '../questionnaires/surveyjs-import';
import { toSurveyJs } from '../questionnaires/surveyjs-export';
import { criterionChanges } from '../questionnaires/version-changes';
import { listSurveyVersions } from '../repos/survey-versions';
import { validate } from '../validate';

const surveyId = z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'lower-case letters, digits and - (max 48)');
const version = z.coerce.number().int().min(1).max(1_000_000);
const updatedAt = z.string().min(1).max(40).describe('The updatedAt of the draft as read: refused (409 draft_changed) when it changed since');

export const surveyParam = z.object({ id: surveyId });
export const versionParam = z.object({ id: surveyId, version });
export const draftCreateBody = z.object({ fromVersion: z.number().int().min(1).optional().describe('The published version to copy (default: the latest)') }).strict();
export const draftSaveBody = z
  .object({
    definition: z.record(z.string(), z.unknown()).describe('The whole questionnaire definition (survey-defs/schema.ts)'),
    updatedAt: updatedAt.optional(),
  })
  .strict();
export const publishBody = z.object({ updatedAt: updatedAt.optional() }).strict();
export const importBody = z
  .object({
    format: z.enum(['sipas', 'surveyjs']),
    definition: z.record(z.string(), z.unknown()).describe('A sipas definition, or a SurveyJS survey JSON (the supported subset)'),
    id: surveyId.optional().describe('The questionnaire id: required for SurveyJS; for sipas, when given, the definition must carry it'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.format === 'surveyjs' && !b.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'a SurveyJS import names the questionnaire id', params: { code: 'required' } });
  });
export const exportQuery = z.object({ format: z.enum(['sipas', 'surveyjs']).default('sipas') }).strict();

export function questionnaireRoutes(deps: AppDeps) {
  const reader = requireStaff(deps);
  const admin = requireStaff(deps, { roles: ['admin'] });

  return new Hono<StaffEnv>()
    .get('/', reader, async (c) => c.json({ surveys: await listCatalog(deps.db) }))
    .post('/import', admin, validate('json', importBody), async (c) => {
      const body = c.req.valid('json');
      let definition: Record<string, unknown>;
      if (body.format === 'surveyjs') {
        const converted = fromSurveyJs(body.definition, body.id!);
        if (!converted.ok) throw new HttpError(422, UNSUPPORTED_SURVEYJS, converted.issues[0]!.message, converted.issues);
        definition = converted.definition;
      } else {
        if (body.id !== undefined && body.definition.id !== body.id) {
          throw invalidDefinition([{ path: 'id', code: 'id_mismatch', message: `the definition is of ${show(body.definition.id)}, not "${body.id}"`, params: { id: body.id } }]);
        }
        definition = body.definition;
      }
      return c.json(await importDraft(deps, definition, body.format, staffOf(c).user.username), 201);
    })
    .get('/:id/versions/:version', reader, validate('param', versionParam), async (c) => {
      const { id, version: v } = c.req.valid('param');
      return c.json(definitionOf(await readVersion(deps.db, id, v)));
    })
    .get('/:id/versions/:version/export', reader, validate('param', versionParam), validate('query', exportQuery), async (c) => {
      const { id, version: v } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const def = definitionOf(await readVersion(deps.db, id, v));
      const name = format === 'sipas' ? `${id}.v${v}.json` : `${id}.v${v}.surveyjs.json`;
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      return c.json(format === 'sipas' ? def : toSurveyJs(def));
    })
    .post('/:id/versions/:version/retire', admin, validate('param', versionParam), async (c) => {
      const { id, version: v } = c.req.valid('param');
      return c.json(await retireVersion(deps, id, v, staffOf(c).user.username));
    })
    .get('/:id/changes', reader, validate('param', surveyParam), async (c) => {
      const { id } = c.req.valid('param');
      const rows = await listSurveyVersions(deps.db, id);
      if (!rows.length) throw new HttpError(404, 'unknown_survey', `No published questionnaire "${id}"`);
      return c.json({ changes: criterionChanges(rows.map((r) => ({ definition: definitionOf(r), publishedAt: r.published_at ?? r.first_seen_at }))) });
    })
    .get('/:id/draft', reader, validate('param', surveyParam), async (c) => c.json(draftView(await readDraft(deps.db, c.req.valid('param').id))))
    .post('/:id/draft', admin, validate('param', surveyParam), validate('json', draftCreateBody), async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await createDraft(deps, id, c.req.valid('json').fromVersion, staffOf(c).user.username), 201);
    })
    .put('/:id/draft', admin, validate('param', surveyParam), validate('json', draftSaveBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await saveDraft(deps, id, body.definition, body.updatedAt, staffOf(c).user.username));
    })
    .delete('/:id/draft', admin, validate('param', surveyParam), async (c) => {
      await discardDraft(deps, c.req.valid('param').id, staffOf(c).user.username);
      return c.body(null, 204);
    })
    .post('/:id/draft/publish', admin, validate('param', surveyParam), async (c) => {
      const { id } = c.req.valid('param');
      const body = await optionalJson(c.req.raw);
      return c.json(await publishDraft(deps, id, body.updatedAt, staffOf(c).user.username), 201);
    });
}

/** The publish body is optional: none, or `{ updatedAt }`. */
async function optionalJson(req: Request): Promise<z.infer<typeof publishBody>> {
  const text = await req.text();
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  const parsed = publishBody.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', 'The request is not valid: updatedAt', parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', code: i.code, message: i.message })));
  return parsed.data;
}
