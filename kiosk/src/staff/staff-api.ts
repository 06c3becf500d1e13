// Calls to the staff API: the session cookie goes by itself, the CSRF token in a header.
import type { ServerError, ServerIssue } from '../shared/error-text';

/** A non-2xx answer: the server's code and issues (the English message is for logs only). */
export class ApiError extends Error implements ServerError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ServerIssue[],
    /** The whole `error` object, for routes that say more (an organisation file's refusals). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Fetches JSON from the API; a non-2xx answer becomes an ApiError with the server's code. */
export async function api<T>(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<T> {
  const method = init.method ?? (init.json === undefined && init.form === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {};
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  // A form (a file upload) sets its own multipart content type.
  const payload = init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.issues, body?.error);
  return body as T;
}
