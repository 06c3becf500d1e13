// What one route promises: its request schemas (the very zod schemas it validates with), who may
// call it, what it answers and which error codes it can send. The OpenAPI document, the docs page
// and the pages' error strings are all derived from these entries.
import type { z } from 'zod';
import type { Role } from '../db/tables/users';
import type { ErrorCode } from './error-codes';

/** Who reads this part of the docs page. */
export const AUDIENCES = ['integrators', 'citizens', 'kiosk', 'staff', 'admins', 'operators'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Auth {
  /** A staff session cookie; X-CSRF-Token too on every change. */
  staff?: { roles?: readonly Role[]; beforePasswordChange?: boolean };
  /** Authorization: Bearer sipas_… (an API key an admin issued). */
  apiKey?: true;
  /** Authorization: Kiosk <credential>; `optional` lets requests without it through. */
  kiosk?: 'required' | 'optional';
}

export interface Reply {
  description: string;
  /** The JSON body; neither this nor `type` means no body (a redirect). */
  schema?: z.ZodType;
  /** Another content type: text/html, text/csv, image/svg+xml … */
  type?: string;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: /api/invitations/{id}. */
  path: string;
  audience: Audience;
  summary: { vi: string; en: string };
  description?: string;
  /** No key: anyone may call it. */
  auth?: Auth;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A file sent instead of JSON: a multipart form's "file" part, or the body itself. */
  upload?: { description: string };
  /** The 2xx answers. */
  ok: Record<number, Reply>;
  /**
   * Error codes by status, beyond those its auth and validation add by themselves (see
   * implicitErrors): the codes a page must have strings for.
   */
  errors?: Partial<Record<number, readonly ErrorCode[]>>;
}

/** The errors every route of this shape can answer, whatever its handler does. */
export function implicitErrors(op: Operation): Partial<Record<number, ErrorCode[]>> {
  const out: Partial<Record<number, ErrorCode[]>> = {};
  const add = (status: number, ...codes: ErrorCode[]) => {
    out[status] = [...new Set([...(out[status] ?? []), ...codes])];
  };
  if (op.params || op.query || op.body) add(400, 'invalid_request');
  if (op.body) {
    add(400, 'invalid_json');
    add(413, 'payload_too_large');
  }
  if (op.upload) add(413, 'payload_too_large');
  const { staff, apiKey, kiosk } = op.auth ?? {};
  if (staff) {
    add(401, 'not_signed_in');
    if (op.method !== 'get') add(403, 'csrf');
    if (!staff.beforePasswordChange) add(403, 'password_change_required');
    if (staff.roles) add(403, 'forbidden');
  }
  if (apiKey) add(401, 'invalid_api_key');
  if (kiosk) {
    add(401, 'unknown_device');
    add(403, 'device_revoked');
  }
  return out;
}

/** Every error code an operation can answer, by status. */
export function allErrors(op: Operation): Partial<Record<number, ErrorCode[]>> {
  const out = implicitErrors(op);
  for (const [status, codes] of Object.entries(op.errors ?? {})) {
    out[Number(status)] = [...new Set([...(out[Number(status)] ?? []), ...(codes ?? [])])];
  }
  return out;
}
