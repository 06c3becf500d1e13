import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { addApiKey, ApiKeyAdminError, revokeApiKey } from '../auth/api-key-admin';
import { requireStaff, staffOf } from '../auth/staff-auth';
import { HttpError } from '../http-error';
import { listApiKeys, toApiKeyView } from '../repos/api-keys';
import { validate } from '../validate';

export const apiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(100).describe('Who uses the key, e.g. the provincial one-stop system'),
    units: z.array(z.string().min(1).max(64)).min(1).max(50).describe('Units the key may invite for (with the units below them)'),
  })
  .strict();
export const apiKeyIdParam = z.object({ id: z.uuid() }).strict();

/** Admins issue, list and revoke the API keys of integrated one-stop systems. */
export function apiKeyRoutes(deps: AppDeps) {
  const fail = (error: unknown): never => {
    if (!(error instanceof ApiKeyAdminError)) throw error;
    if (error.kind === 'not_found') throw new HttpError(404, 'not_found', error.message);
    throw new HttpError(400, 'invalid_request', error.message);
  };
  return new Hono()
    .use(requireStaff(deps, { roles: ['admin'] }))
    .get('/', async (c) => c.json((await listApiKeys(deps.db)).map(toApiKeyView)))
    .post('/', validate('json', apiKeyBody), async (c) => {
      const { row, key } = await addApiKey(deps.db, c.req.valid('json'), staffOf(c).user.username, deps.clock()).catch(fail);
      return c.json({ ...toApiKeyView(row), key }, 201);
    })
    .post('/:id/revoke', validate('param', apiKeyIdParam), async (c) => {
      const row = await revokeApiKey(deps.db, c.req.valid('param').id, staffOf(c).user.username, deps.clock()).catch(fail);
      return c.json(toApiKeyView(row));
    });
}
