// Whether a dossier's result came back by its due date. Either date may be a Vietnam calendar
// date (YYYY-MM-DD, as appointment slips are written) or an instant; with a calendar date on
// either side the comparison is by Vietnam calendar day, so "due 12 March" allows all of 12 March.
import { vietnamDate } from './vietnam-time';

export type DossierTiming = 'on_time' | 'late' | 'unknown';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The Vietnam calendar date of a YYYY-MM-DD date or of an instant. */
export function vietnamDay(value: string): string {
  return DATE_ONLY.test(value) ? value : vietnamDate(value);
}

/** On time when returned on or before the due date; unknown without a due date. */
export function dossierTiming(dueAt: string | null | undefined, returnedAt: string): DossierTiming {
  if (!dueAt) return 'unknown';
  if (DATE_ONLY.test(dueAt) || DATE_ONLY.test(returnedAt)) return vietnamDay(returnedAt) <= vietnamDay(dueAt) ? 'on_time' : 'late';
  return Date.parse(returnedAt) <= Date.parse(dueAt) ? 'on_time' : 'late';
}
