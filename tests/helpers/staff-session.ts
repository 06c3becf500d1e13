import { changeOwnPassword, addUser } from '../../server/auth/user-admin';
import type { Role } from '../../server/db/tables/users';
import { findUserByUsername } from '../../server/repos/users';
import type { TestApp } from './test-app';

export interface SignedIn {
  username: string;
  /** Cookie and CSRF headers for app.request(). */
  headers: Record<string, string>;
}

/** Creates a staff account with a password of its own and signs it in through the API. */
export async function signIn(t: TestApp, username: string, role: Role, unit?: string): Promise<SignedIn> {
  const db = t.database.handle.db;
  await addUser(db, { username, role, unit }, 'test', t.clock.now);
  const password = `${username}-password-1`;
  await changeOwnPassword(db, (await findUserByUsername(db, username))!, password, t.clock.now);
  const res = await t.app.request('/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { username, headers: { cookie, 'x-csrf-token': csrfToken } };
}
