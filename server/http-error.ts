import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorIssue {
  path: string;
  code: string;
  message: string;
}

/** An expected failure, rendered by app.onError as `{ error: { code, message, issues? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: string, message: string, issues?: ErrorIssue[]) {
  return { error: issues ? { code, message, issues } : { code, message } };
}
