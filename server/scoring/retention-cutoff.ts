// The first Vietnam date whose raw rows are still kept under a retention of `days`. Pure.
import { addDays } from './vietnam-time';

/** Rows dated before the returned date have expired; null: keep everything. */
export function retentionCutoff(today: string, days: number | null): string | null {
  return days === null ? null : addDays(today, -days);
}
