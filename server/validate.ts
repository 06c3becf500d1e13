// Every request from outside passes through here: zod checks it, and a failure becomes one 400
// with every bad field named, in the error shape all routes share.
import { zValidator } from '@hono/zod-validator';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { HttpError, type ErrorIssue } from './http-error';

/** zod's issues in the project's shape; a refinement names its own code with `params: { code }`. */
export function toIssues(error: { issues: z.core.$ZodIssue[] }): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', code: customCode(i) ?? i.code, message: i.message }));
}

function customCode(issue: z.core.$ZodIssue): string | undefined {
  const code = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function invalid(issues: ErrorIssue[]): HttpError {
  const fields = [...new Set(issues.map((i) => i.path))].join(', ');
  return new HttpError(400, 'invalid_request', `The request is not valid: ${fields}`, issues);
}

/**
 * zod's synchronous check. No schema of ours refines asynchronously, and the asynchronous form
 * (zValidator's default) skips zod's compiled fast path: on the answers' hot path, about 5 µs of
 * a request's 160 (tests/bench/NOTES.md). Typed loosely: the option's type is conditional on the
 * schema's zod version, which a generic T leaves open.
 */
const parseSynchronously = (schema: z.ZodType, value: unknown) => schema.safeParse(value);

/** The media types Hono's validator reads as JSON; any other body is checked as `{}`. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * A request's part checked by its schema, with the project's error shape: a JSON body read here,
 * the other parts through zValidator. `moreIssues` may look at the raw input of a failed request
 * to report problems the schema alone cannot see, so that one 400 names them all. `wellFormed`,
 * for a JSON body on a hot path, reads the common body without zod and answers `undefined` for
 * anything else, which zod then reads as always (responses/well-formed-body.ts).
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  moreIssues?: (raw: unknown, c: Context) => ErrorIssue[],
  wellFormed?: (value: unknown) => z.output<T> | undefined,
) {
  const refuse = (error: { issues: z.core.$ZodIssue[] }, raw: unknown, c: Context): never => {
    const issues = toIssues(error);
    const extra = (moreIssues?.(raw, c) ?? []).filter((e) => !issues.some((i) => i.path === e.path));
    throw invalid([...issues, ...extra]);
  };
  const viaZodValidator = zValidator(
    target,
    schema,
    (result, c) => {
      if (!result.success) refuse(result.error, result.data, c);
    },
    { validationFunction: parseSynchronously as never },
  );
  if (target !== 'json') return viaZodValidator;
  // A JSON body is read as Hono's validator reads it, and the middleware then hands on without
  // waiting for the route: Hono's waits, and holds every request's frame until its answer is
  // written, which for an answer is the batch's commit (tests/bench/NOTES.md).
  const jsonBody: MiddlewareHandler = async (c, next) => {
    let value: unknown = {};
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (JSON_MEDIA_TYPE.test(mediaType)) {
      try {
        value = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: 'Malformed JSON in request body' });
      }
    }
    let data = wellFormed?.(value);
    if (data === undefined) {
      const result = schema.safeParse(value);
      data = result.success ? result.data : refuse(result.error, value, c);
    }
    c.req.addValidatedData('json', data as object);
    return next();
  };
  return jsonBody as typeof viaZodValidator;
}
