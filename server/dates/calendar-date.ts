// The dates a request may name. Every loop over periods walks from one date to another, so a date
// far in the future (9999-12-31, or a year past 9999 that JavaScript writes as "+010000-…")
// would make a request run until the server runs out of memory. 2000–2100 covers every office.
import { z } from 'zod';
import { isIsoDate } from '../scoring/vietnam-time';

export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';

export const dateInRange = (date: string) => date >= EARLIEST_DATE && date <= LATEST_DATE;

/** A Vietnam calendar date written YYYY-MM-DD, between 2000-01-01 and 2100-12-31. */
export const calendarDate = z
  .string()
  .refine(isIsoDate, 'a calendar date written YYYY-MM-DD')
  .refine(dateInRange, `a date from ${EARLIEST_DATE} to ${LATEST_DATE}`);

/** An ISO-8601 instant with its offset, within the same years. */
export const boundedInstant = z.iso
  .datetime({ offset: true })
  .refine((v) => {
    // The pattern alone lets through impossible dates such as month 13.
    const ms = Date.parse(v);
    return !Number.isNaN(ms) && dateInRange(new Date(ms).toISOString().slice(0, 10));
  }, `an instant from ${EARLIEST_DATE} to ${LATEST_DATE}`);

/** A date range given as optional `from` and `to`: `to` may not come before `from`. */
export const datesInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
