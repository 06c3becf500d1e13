import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorIssue {
  path: string;
  code: string;
  message: string;
}

/**
 * An expected failure, rendered by app.onError as `{ error: { code, message, issues? } }`; `more`
 * adds fields of the route's own to `error` (an organisation file's refusals).
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly more?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: string, message: string, issues?: ErrorIssue[], more?: Record<string, unknown>) {
  return { error: { code, message, ...(issues ? { issues } : {}), ...more } };
}
