/** Fixed-window counters shared by every app server (login attempts, code guesses, sends). */
export interface RateLimitsTable {
  /** bucket:subject:window-start */
  key: string;
  count: number;
  /** When the window ends (ISO); rows past it are deleted. */
  expires_at: string;
}
