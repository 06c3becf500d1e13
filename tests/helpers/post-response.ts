import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

export interface ResponseInput {
  surveyId?: string;
  answers: Record<string, unknown>;
  unit?: string;
  procedure?: string;
  official?: string;
  channel?: 'kiosk' | 'qr' | 'web' | 'paper';
  submittedAt: string;
}

/** Submits a response through the public API, as a kiosk or phone would; fails the test if refused. */
export async function postResponse(t: TestApp, input: ResponseInput): Promise<string> {
  const id = randomUUID();
  const res = await t.call('POST', '/api/responses', { id, surveyId: 'sipas-2017', channel: 'kiosk', ...input });
  if (res.status !== 201) throw new Error(`response refused: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}
