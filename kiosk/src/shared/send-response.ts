import type { Answers } from '../../../survey-defs/check-answers';

export interface OutgoingResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  answers: Answers;
  channel: 'kiosk' | 'qr' | 'web';
  submittedAt: string;
  unit?: string;
}

export type SendResult = { ok: true } | { ok: false; retryable: boolean; status: number };

/**
 * Sends one response; 201 (stored) and 200 (already stored) both mean it is safe on the server.
 * `headers` carries an enrolled kiosk's credential.
 */
export async function sendResponse(response: OutgoingResponse, headers: Record<string, string> = {}): Promise<SendResult> {
  try {
    const res = await fetch('/api/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(response),
    });
    if (res.ok) return { ok: true };
    return { ok: false, retryable: res.status >= 500 || res.status === 429, status: res.status };
  } catch {
    return { ok: false, retryable: true, status: 0 };
  }
}
