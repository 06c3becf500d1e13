// Helpers for the feedback tests: a valid item to send, and signing staff in again after the
// test clock has moved past their session.
import { randomUUID } from 'node:crypto';
import type { SignedIn } from './staff-session';
import type { TestApp } from './test-app';

let devices = 0;

/** A valid POST /api/feedback body; each call a new id and, unless given, a new device. */
export function feedbackItem(overrides: Record<string, unknown> = {}) {
  devices += 1;
  return {
    id: randomUUID(),
    kind: 'complaint',
    unit: 'MC-Q1',
    text: 'Tôi phải đi lại ba lần mới nộp được hồ sơ.',
    channel: 'web',
    device: `test-device-${devices}`,
    ...overrides,
  };
}

/** Signs an account made by signIn() in again (sessions last 12 hours of the test clock). */
export async function signInAgain(t: TestApp, username: string): Promise<SignedIn> {
  const res = await t.app.request('/api/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-password-1` }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { username, headers: { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken } };
}
