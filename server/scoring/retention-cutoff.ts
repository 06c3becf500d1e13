// The first Vietnam date whose raw rows are still kept under a retention of `days`. Pure.
import { addDays } from './vietnam-time';

/** The shortest retention an admin may set: raw rows are kept at least this many days. */
export const MIN_RETENTION_DAYS = 31;

/** Rows dated before the returned date have expired; null: keep everything. */
export function retentionCutoff(today: string, days: number | null): string | null {
  return days === null ? null : addDays(today, -days);
}
