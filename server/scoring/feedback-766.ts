// How Decision 766 judges one report or complaint (phản ánh, kiến nghị): the portal's own
// deadlines, counted in working days, whatever handling period the office promises its senders.
import { addWorkingDays } from './working-days';
import { vietnamDate } from './vietnam-time';

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
  return items.map((item) => evaluateFeedback766(item, holidays, today));
}

export function evaluateFeedback766(item: Feedback766Item, holidays: ReadonlySet<string>, today: string): Judged766 {
  const deadline = addWorkingDays(item.receivedDate, HANDLING_WORKING_DAYS_766, holidays);
  const answeredDate = item.answeredAt === null ? null : vietnamDate(item.answeredAt);
  const answered = answeredDate !== null;
  const answeredInTime = answered && answeredDate <= deadline;
  const publishedInTime =
    item.publishedAt === null || answeredDate === null || vietnamDate(item.publishedAt) <= addWorkingDays(answeredDate, PUBLISHING_WORKING_DAYS_766, holidays);
  return {
    answered,
    pending: !answered && today <= deadline,
    onTime: answeredInTime && publishedInTime,
    overdue: answered ? !answeredInTime : today > deadline,
    dissatisfied: item.rating === 'dissatisfied',
    rated: item.rating !== null,
    raisedAgain: item.raisedAgain,
  };
}
