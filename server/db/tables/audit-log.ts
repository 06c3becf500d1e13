import type { Selectable } from 'kysely';

/** Who did what and when: user changes, exports, key and device changes. */
export interface AuditLogTable {
  id: string;
  at: string;
  /** The staff username, or "cli" for the command line, "system" for the server itself. */
  actor: string;
  action: string;
  target: string;
  /** JSON with what changed; never a password or contact data. */
  details: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;
