// Figures on feedback handling for one set of items (one unit and period), as of an instant.
// Pure: the items come in, the figures go out.
import { COMPLAINT_KINDS, type FeedbackKind } from '../feedback/feedback-rules';
import { vietnamDate } from './vietnam-time';

export interface FigureItem {
  kind: FeedbackKind;
  /** ISO-8601 UTC. */
  receivedAt: string;
  /** Vietnam date (YYYY-MM-DD): answered on or before it is on time. */
  dueDate: string;
  /** ISO-8601 UTC, or null while unanswered. */
  answeredAt: string | null;
}

export interface FeedbackFigures {
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Not answered yet. */
  open: number;
  /** Not answered and past the due date. */
  overdue: number;
  /** Median calendar days from receipt to answer (one decimal); null with no answer. */
  medianDaysToAnswer: number | null;
  /**
   * Decision 766 "complaints handled on time": complaints answered by their deadline / complaints
   * × 100%. Only complaints whose outcome is known count: answered, or past the deadline
   * unanswered; one still open within its deadline is `pending`, neither on time nor late yet.
   */
  complaintsOnTime: { complaints: number; decided: number; onTime: number; pending: number; percent: number | null };
}

const DAY_MS = 86_400_000;

export function computeFeedbackFigures(items: readonly FigureItem[], asOf: Date): FeedbackFigures {
  const today = vietnamDate(asOf);
  const onTime = (i: FigureItem) => i.answeredAt !== null && vietnamDate(i.answeredAt) <= i.dueDate;
  const overdue = (i: FigureItem) => i.answeredAt === null && today > i.dueDate;

  const answered = items.filter((i) => i.answeredAt !== null);
  const complaints = items.filter((i) => COMPLAINT_KINDS.includes(i.kind));
  const decided = complaints.filter((i) => i.answeredAt !== null || overdue(i));
  const complaintsOnTime = decided.filter(onTime).length;
  const answeredOnTime = answered.filter(onTime).length;
  return {
    received: items.length,
    answered: answered.length,
    answeredOnTime,
    answeredLate: answered.length - answeredOnTime,
    open: items.length - answered.length,
    overdue: items.filter(overdue).length,
    medianDaysToAnswer: median(answered.map((i) => (Date.parse(i.answeredAt!) - Date.parse(i.receivedAt)) / DAY_MS)),
    complaintsOnTime: {
      complaints: complaints.length,
      decided: decided.length,
      onTime: complaintsOnTime,
      pending: complaints.length - decided.length,
      percent: decided.length ? round1((complaintsOnTime / decided.length) * 100) : null,
    },
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round1(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
