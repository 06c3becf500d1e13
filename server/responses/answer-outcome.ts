import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError } from '../http-error';
import { finishedJson } from '../policy-headers';
import type { PendingResponse, StoreOutcome } from '../repos/responses';

/**
 * The HTTP answer to a stored response, the same for every route that takes one: 201 stored,
 * 200 the same response again, 409 another response under this id or a refusal.
 */
export function answerOutcome(c: Context, response: PendingResponse, outcome: StoreOutcome, refusalStatus: (code: string) => ContentfulStatusCode = () => 409) {
  const stored = { id: response.id, surveyId: response.surveyId, surveyVersion: response.surveyVersion };
  switch (outcome.status) {
    case 'created':
      return finishedJson({ ...stored, status: 'created' as const }, 201);
    case 'replayed':
      return finishedJson({ ...stored, status: 'replayed' as const }, 200);
    case 'conflict':
      throw new HttpError(409, 'conflict', `A different response is already stored under id ${response.id}`);
    case 'refused':
      if (outcome.refusal.retryAfterSeconds) c.header('Retry-After', String(outcome.refusal.retryAfterSeconds));
      throw new HttpError(refusalStatus(outcome.refusal.code), outcome.refusal.code, outcome.refusal.message);
  }
}
