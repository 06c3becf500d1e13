import type { Insertable, Selectable } from 'kysely';

/** A key an integrated one-stop system uses to create invitations for some units. */
export interface ApiKeysTable {
  id: string;
  /** Who uses it, e.g. "Hệ thống một cửa điện tử tỉnh". */
  name: string;
  /** SHA-256 of the key; the key itself is shown once, when it is made. */
  key_hash: string;
  /** The first characters of the key, so people can tell keys apart. */
  key_prefix: string;
  /** JSON list of unit codes; the key may invite for these units and the units below them. */
  units: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
