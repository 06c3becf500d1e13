// The OpenAPI 3.1 document, generated from the operations' zod schemas (z.toJSONSchema).
import { z } from 'zod';
import { ERROR_CODES } from './error-codes';
import { answerValueSchema, isAnswerValue } from './answer-schema';
import { allErrors, AUDIENCES, type Auth, type Operation } from './operation';
import { operations } from './operations';
import { errorResponse } from './response-schemas';

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, as a request sends or a response returns it. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // Answers are checked against the questionnaire after zod; the document says what they may be.
    override: (ctx) => {
      if (isAnswerValue(ctx.zodSchema)) Object.assign(ctx.jsonSchema, answerValueSchema);
    },
  }) as Json;
  return rest;
}

const SECURITY: Record<string, Json> = {
  staffSession: { type: 'apiKey', in: 'cookie', name: 'sipas_session', description: 'A staff sign-in (POST /api/staff/login). Roles: admin, manager, viewer; each sees only their units' },
  csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The csrfToken of the sign-in (or of GET /api/staff/me), on every change a staff session makes' },
  apiKey: { type: 'http', scheme: 'bearer', description: 'An API key an admin issued (npm run sipas -- api-keys add), scoped to units: Authorization: Bearer sipas_…' },
  kioskDevice: { type: 'http', scheme: 'Kiosk', description: 'The credential a tablet received at enrolment (POST /api/kiosk/enrol): Authorization: Kiosk <credential>' },
};

/** Alternatives, each a set of schemes that go together; an empty one means "or none". */
export function securityOf(auth: Auth | undefined, method: string): Record<string, never[]>[] {
  const out: Record<string, never[]>[] = [];
  if (auth?.apiKey) out.push({ apiKey: [] });
  if (auth?.staff) out.push(method === 'get' ? { staffSession: [] } : { staffSession: [], csrfToken: [] });
  if (auth?.kiosk) out.push({ kioskDevice: [] });
  if (auth?.kiosk === 'optional') out.push({});
  return out;
}

function parameters(op: Operation): Json[] {
  const from = (where: 'path' | 'query', object?: z.ZodType) => {
    const shape = object && 'shape' in object ? (object.shape as Record<string, z.ZodType>) : {};
    return Object.entries(shape).map(([name, field]) => {
      const { description, ...schema } = jsonSchema(field, 'input');
      return { name, in: where, required: where === 'path' || !field.safeParse(undefined).success, ...(description ? { description } : {}), schema };
    });
  };
  return [...from('path', op.params), ...from('query', op.query)];
}

/** The shared error shape, with `code` narrowed to the codes this answer can carry. */
function errorReply(codes: string[]): Json {
  const narrowed = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string', enum: codes } } } } };
  return {
    description: codes.map((c) => `${c}: ${ERROR_CODES[c as keyof typeof ERROR_CODES] ?? ''}`).join('; '),
    content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Error' }, narrowed] } } },
  };
}

/** The operation's description, with the staff roles it needs (security schemes cannot say). */
function description(op: Operation): string {
  const roles = op.auth?.staff?.roles;
  return [op.description, roles ? `Staff roles: ${roles.join(', ')}.` : ''].filter(Boolean).join(' ');
}

function operationObject(op: Operation): Json {
  const responses: Record<string, Json> = {};
  for (const [status, r] of Object.entries(op.ok)) {
    const content = r.type ? { [r.type]: { schema: { type: 'string' } } } : r.schema ? { 'application/json': { schema: jsonSchema(r.schema, 'output') } } : undefined;
    responses[status] = { description: r.description, ...(content ? { content } : {}) };
  }
  for (const [status, codes] of Object.entries(allErrors(op))) responses[status] = errorReply(codes ?? []);
  return {
    tags: [op.audience],
    summary: op.summary.en,
    ...(description(op) ? { description: description(op) } : {}),
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()).replace(/(^|[/-])(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
    security: securityOf(op.auth, op.method),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    ...(op.upload ? { requestBody: uploadBody(op.upload.description) } : {}),
    responses,
  };
}

/** A file: the "file" part of a multipart form, or the bytes as the body. */
function uploadBody(description: string): Json {
  const file = { type: 'string', contentMediaType: 'application/octet-stream' };
  return {
    required: true,
    description,
    content: {
      'multipart/form-data': { schema: { type: 'object', properties: { file }, required: ['file'] } },
      'application/octet-stream': { schema: file },
    },
  };
}

export const AUDIENCE_DESCRIPTIONS: Record<(typeof AUDIENCES)[number], string> = {
  integrators: 'One-stop systems with an API key: QR invitations on result slips and their print pages',
  citizens: 'The citizens\' pages, no sign-in: questionnaires, answering through an invitation, feedback',
  kiosk: 'The tablet at the counter: enrolment, heartbeats, responses with its device credential',
  staff: 'Staff within their units (session cookie, X-CSRF-Token on changes): figures, exports, feedback inbox, kiosk devices',
  admins: 'Staff with the admin role: API keys, targets, settings, the audit log',
  operators: 'Whoever runs the server: health and this document',
};

export function openApiDocument(publicUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'SIPAS API',
      version: '1',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Collect and score citizen satisfaction with public administrative services (SIPAS). A one-stop system creates a QR invitation when it returns a result (POST /api/invitations); the citizen answers on their own phone. Errors are always { "error": { "code", "message", "issues"? } }; each error response lists the codes it can carry. Human-readable: /api/docs.',
    },
    servers: [{ url: publicUrl.replace(/\/+$/, '') }],
    tags: AUDIENCES.map((name) => ({ name, description: AUDIENCE_DESCRIPTIONS[name] })),
    paths,
    components: { securitySchemes: SECURITY, schemas: { Error: jsonSchema(errorResponse, 'output') } },
  };
}
