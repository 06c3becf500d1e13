// Periods are calendar periods in Vietnam. Asia/Ho_Chi_Minh has been UTC+7 without daylight
// saving since 1975, so a fixed offset is exact and keeps this pure and fast.
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Vietnam calendar date (YYYY-MM-DD) of an instant. */
export function vietnamDate(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Was the instant (ISO-8601) on or before the Vietnam date: `vietnamDate(instant) <= date`, read
 * off the string with no date, match or slice made. An instant stored as UTC from 17:00 on falls on
 * the next Vietnam day. Reports judge every feedback item's answer against its deadline with this,
 * and the dates made for each item were most of a report's garbage.
 */
export function onOrBefore(instant: string, date: string): boolean {
  if (!UTC_INSTANT.test(instant)) return vietnamDate(instant) <= date;
  const hour = (instant.charCodeAt(11) - 48) * 10 + (instant.charCodeAt(12) - 48);
  // The instant is longer than the date, so it sorts after the date it starts with: "<" compares
  // the day alone, and the day equals the date exactly when the instant starts with it.
  const before = instant < date;
  return hour >= 17 ? before : before || instant.startsWith(date);
}

/** The UTC instant at which a Vietnam calendar date begins. */
export function startOfVietnamDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
