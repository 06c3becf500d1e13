import type { Selectable } from 'kysely';

/** A signed-in staff session. Only a hash of the cookie's token is kept. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  /** Sent back in the X-CSRF-Token header on every state-changing request. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
export type SessionRow = Selectable<SessionsTable>;
