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

/** What the figures need of an item, worked out once however many groups (total, period, unit) count it. */
export interface PreparedFigureItem {
  complaint: boolean;
  dueDate: string;
  /** Null while unanswered. */
  answeredOnTime: boolean | null;
  daysToAnswer: number | null;
}

export function prepareFigureItem(item: FigureItem): PreparedFigureItem {
  const answered = item.answeredAt !== null;
  return {
    complaint: COMPLAINT_KINDS.includes(item.kind),
    dueDate: item.dueDate,
    answeredOnTime: answered ? answeredBy(item.answeredAt!, item.dueDate) : null,
    daysToAnswer: answered ? (Date.parse(item.answeredAt!) - Date.parse(item.receivedAt)) / DAY_MS : null,
  };
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T(\d{2}):\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Was the instant on or before the Vietnam date? Vietnam is UTC+7 all year, so an instant stored
 * as UTC from 17:00 on falls on the next Vietnam day; read off the string, no date is built (this
 * runs for every item of a report).
 */
function answeredBy(instant: string, dueDate: string): boolean {
  const utc = UTC_INSTANT.exec(instant);
  if (!utc) return vietnamDate(instant) <= dueDate;
  const day = instant.slice(0, 10);
  return Number(utc[1]) >= 17 ? day < dueDate : day <= dueDate;
}

export function computeFeedbackFigures(items: readonly FigureItem[], asOf: Date): FeedbackFigures {
  return figuresOfPrepared(items.map(prepareFigureItem), asOf);
}

export function figuresOfPrepared(items: readonly PreparedFigureItem[], asOf: Date): FeedbackFigures {
  const today = vietnamDate(asOf);
  let answered = 0, answeredOnTime = 0, overdue = 0, complaints = 0, decided = 0, complaintsOnTime = 0;
  const days: number[] = [];
  // One pass: this runs over every item of a period for each unit and sub-period of a report.
  for (const item of items) {
    if (item.complaint) complaints += 1;
    if (item.answeredOnTime === null) {
      if (today > item.dueDate) {
        overdue += 1;
        if (item.complaint) decided += 1; // past its deadline unanswered: late, whatever happens next
      }
      continue;
    }
    answered += 1;
    if (item.answeredOnTime) answeredOnTime += 1;
    if (item.complaint) {
      decided += 1;
      if (item.answeredOnTime) complaintsOnTime += 1;
    }
    days.push(item.daysToAnswer!);
  }
  return {
    received: items.length,
    answered,
    answeredOnTime,
    answeredLate: answered - answeredOnTime,
    open: items.length - answered,
    overdue,
    medianDaysToAnswer: median(days),
    complaintsOnTime: {
      complaints,
      decided,
      onTime: complaintsOnTime,
      pending: complaints - decided,
      percent: decided ? round1((complaintsOnTime / decided) * 100) : null,
    },
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  // A typed array sorts numbers natively, without a comparison callback per pair.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return round1(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
