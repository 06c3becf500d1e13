/** A weekly digest claimed for one staff member and ISO week (2026-W11). */
export interface DigestSendsTable {
  user_id: string;
  week: string;
  created_at: string;
}
