// The OpenAPI 3.1 document, generated from the operations' zod schemas (z.toJSONSchema).
import { z } from 'zod';
import { errorResponse } from './response-schemas';
import { operations, type Operation, type Security } from './operations';

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, as a request sends or a response returns it. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const SECURITY: Record<Security, Json> = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'An API key an admin issued (npm run sipas -- api-keys add), scoped to units: Authorization: Bearer sipas_…' },
  staffSession: { type: 'apiKey', in: 'cookie', name: 'sipas_session', description: 'A staff sign-in (POST /api/staff/login); changes also need the X-CSRF-Token header' },
  adminSession: { type: 'apiKey', in: 'cookie', name: 'sipas_session', description: 'A staff sign-in with the admin role, with X-CSRF-Token on changes' },
};

function parameters(op: Operation): Json[] {
  const from = (where: 'path' | 'query', object?: z.ZodObject) =>
    Object.entries(object?.shape ?? {}).map(([name, field]) => {
      const schema = jsonSchema(field as z.ZodType, 'input');
      const { description, ...rest } = schema;
      return { name, in: where, required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
    });
  return [...from('path', op.params), ...from('query', op.query)];
}

function operationObject(op: Operation): Json {
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => {
      const content = r.html ? { 'text/html': { schema: { type: 'string' } } } : { 'application/json': { schema: r.schema ? jsonSchema(r.schema, 'output') : { $ref: '#/components/schemas/Error' } } };
      return [status, { description: r.description, content }];
    }),
  );
  return {
    tags: [op.tag],
    summary: op.summary.en,
    ...(op.description ? { description: op.description } : {}),
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/(^|[/-])(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
    security: op.security.map((s) => ({ [s]: [] })),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    responses,
  };
}

export function openApiDocument(publicUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'SIPAS API',
      version: '1',
      description:
        'Collect and score citizen satisfaction with public administrative services (SIPAS). A one-stop system creates a QR invitation when it returns a result (POST /api/invitations); the citizen answers on their own phone. Errors are always { "error": { "code", "message", "issues"? } }. Human-readable: /api/docs.',
    },
    servers: [{ url: publicUrl.replace(/\/+$/, '') }],
    tags: [
      { name: 'invitations', description: 'QR invitations on result slips (API key or staff)' },
      { name: 'citizens', description: 'Answering, no sign-in' },
      { name: 'figures', description: 'Figures for staff within their units' },
      { name: 'keys', description: 'API keys (admins)' },
    ],
    paths,
    components: { securitySchemes: SECURITY, schemas: { Error: jsonSchema(errorResponse, 'output') } },
  };
}
