/** How long raw responses and free texts are kept: one row (id 1); absent or null days: keep. */
export interface RetentionSettingsTable {
  id: number;
  /** Days a response (and its texts, and a feedback item's text) is kept after its Vietnam date. */
  response_days: number | null;
  updated_at: string;
  updated_by: string;
}

/** One row per Vietnam day the expiry ran: the app server that inserts it does the work. */
export interface RetentionRunsTable {
  run_date: string;
  started_at: string;
}
