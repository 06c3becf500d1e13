// How Decision 766 judges one report or complaint (phản ánh, kiến nghị): the portal's own
// deadlines, counted in working days, whatever handling period the office promises its senders.
import { addWorkingDays } from './working-days';
import { onOrBefore, vietnamDate } from './vietnam-time';

/** The portal's deadline to handle an item: 15 working days after the day it was received. */
export const HANDLING_WORKING_DAYS_766 = 15;
/** An answer that is published must be published within 2 working days of the answer. */
export const PUBLISHING_WORKING_DAYS_766 = 2;
// The portal also gives 2 working days to refuse an item and 5 to ask the sender for more
// information. This platform has neither step (an item is answered, and the answer may say
// either), so those deadlines never apply here.

export interface Feedback766Item {
  /** Vietnam date of receipt (YYYY-MM-DD). */
  receivedDate: string;
  /** ISO instant of the answer; null while unanswered (or reopened). */
  answeredAt: string | null;
  /** ISO instant the answer was made public; null when it was not published. */
  publishedAt: string | null;
  /** The sender's rating of how their item was handled, from the tracking page. */
  rating: 'satisfied' | 'dissatisfied' | null;
  /** Reopened after an answer: the matter was raised again. */
  raisedAgain: boolean;
}

export interface Judged766 {
  answered: boolean;
  /** Unanswered and still within the deadline: neither on time nor late yet. */
  pending: boolean;
  /** Answered within the deadline (and, if published, published in time). */
  onTime: boolean;
  /** Answered after the deadline, or still unanswered past it. */
  overdue: boolean;
  dissatisfied: boolean;
  /** The sender rated the handling (either way). */
  rated: boolean;
  raisedAgain: boolean;
}

/**
 * Each item judged, in order. A report judges its items once and counts them in every cell they
 * fall in (the whole period, their month, their unit and the units above it).
 */
export function judgeFeedback766(items: readonly Feedback766Item[], holidays: ReadonlySet<string>, today: string): Judged766[] {
  // Items received on the same day share their deadline, and answers given on the same day their
  // publishing deadline: each is counted once per date, not once per item (a province's year of
  // complaints falls on a few hundred dates).
  const handlingDeadline = perDate((date) => addWorkingDays(date, HANDLING_WORKING_DAYS_766, holidays));
  const publishingDeadline = perDate((date) => addWorkingDays(date, PUBLISHING_WORKING_DAYS_766, holidays));
  return items.map((item) => {
    const deadline = handlingDeadline(item.receivedDate);
    const answered = item.answeredAt !== null;
    const answeredInTime = answered && onOrBefore(item.answeredAt!, deadline);
    const publishedInTime = !answered || item.publishedAt === null || onOrBefore(item.publishedAt, publishingDeadline(vietnamDate(item.answeredAt!)));
    return {
      answered,
      pending: !answered && today <= deadline,
      onTime: answeredInTime && publishedInTime,
      overdue: answered ? !answeredInTime : today > deadline,
      dissatisfied: item.rating === 'dissatisfied',
      rated: item.rating !== null,
      raisedAgain: item.raisedAgain,
    };
  });
}

function perDate(deadline: (date: string) => string): (date: string) => string {
  const known = new Map<string, string>();
  return (date) => {
    let due = known.get(date);
    if (due === undefined) known.set(date, (due = deadline(date)));
    return due;
  };
}
