// The daily expiry of raw rows. Every app server may run the timer; the day's claim in the
// database (retention_runs) lets only one of them do the work. runOnce() is what tests call.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { purgeOncePerDay, type PurgeOutcome } from '../repos/retention';

const HOUR_MS = 3_600_000;

export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly db: Kysely<Database>, private readonly clock: () => Date) {}

  /** Expires what is due today unless another server already did; null when it did not run. */
  runOnce(now = this.clock()): Promise<PurgeOutcome | null> {
    return purgeOncePerDay(this.db, now);
  }

  /** Checks every hour, so each Vietnam day is claimed soon after it starts. */
  start(intervalMs = HOUR_MS): void {
    const tick = () =>
      this.runOnce().then(
        (out) => out && (out.responses || out.texts || out.feedbackTexts) && console.log(`[sipas] retention: deleted ${out.responses} response(s) dated before ${out.cutoff}, blanked ${out.texts + out.feedbackTexts} text(s)`),
        (error: unknown) => console.error('[sipas] retention run failed:', error),
      );
    void tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
