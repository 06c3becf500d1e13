// Figures on feedback handling for one set of items (one unit and period), as of an instant.
// Pure: the items come in, the figures go out.
import { COMPLAINT_KINDS, type FeedbackKind } from '../feedback/feedback-rules';
import { utcMillis } from './utc-millis';
import { onOrBefore, vietnamDate } from './vietnam-time';

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

const COMPLAINTS: ReadonlySet<string> = new Set(COMPLAINT_KINDS);
export const isComplaint = (kind: string): boolean => COMPLAINTS.has(kind);

export function prepareFigureItem(item: FigureItem): PreparedFigureItem {
  const answered = item.answeredAt !== null;
  return {
    complaint: isComplaint(item.kind),
    dueDate: item.dueDate,
    answeredOnTime: answered ? onOrBefore(item.answeredAt!, item.dueDate) : null,
    daysToAnswer: answered ? daysBetween(item.receivedAt, item.answeredAt!) : null,
  };
}

/** Days (with their fraction) from one ISO instant to another. */
export const daysBetween = (from: string, to: string): number => (utcMillis(to) - utcMillis(from)) / DAY_MS;

/**
 * The figures of one group of items (a unit, a period, the total) counted as the items go by, so
 * a report keeps no list of items: a few counters and the days to answer per group.
 */
export class FigureTally {
  private received = 0;
  private answered = 0;
  private answeredOnTime = 0;
  private overdue = 0;
  private complaints = 0;
  private decided = 0;
  private complaintsOnTime = 0;
  private days = new Float64Array(16);

  /** `today`: the Vietnam date the figures are as of (overdue means due before it). */
  constructor(private readonly today: string) {}

  /** One item, judged once by its caller: `onTime` null while unanswered, `days` to its answer. */
  add(complaint: boolean, dueDate: string, onTime: boolean | null, days: number): void {
    this.received += 1;
    if (complaint) this.complaints += 1;
    if (onTime === null) {
      if (this.today > dueDate) {
        this.overdue += 1;
        if (complaint) this.decided += 1; // past its deadline unanswered: late, whatever happens next
      }
      return;
    }
    if (this.answered === this.days.length) {
      const larger = new Float64Array(2 * this.days.length);
      larger.set(this.days);
      this.days = larger;
    }
    this.days[this.answered] = days;
    this.answered += 1;
    if (onTime) this.answeredOnTime += 1;
    if (complaint) {
      this.decided += 1;
      if (onTime) this.complaintsOnTime += 1;
    }
  }

  figures(): FeedbackFigures {
    return {
      received: this.received,
      answered: this.answered,
      answeredOnTime: this.answeredOnTime,
      answeredLate: this.answered - this.answeredOnTime,
      open: this.received - this.answered,
      overdue: this.overdue,
      medianDaysToAnswer: median(this.days.subarray(0, this.answered)),
      complaintsOnTime: {
        complaints: this.complaints,
        decided: this.decided,
        onTime: this.complaintsOnTime,
        pending: this.complaints - this.decided,
        percent: this.decided ? round1((this.complaintsOnTime / this.decided) * 100) : null,
      },
    };
  }
}

export function computeFeedbackFigures(items: readonly FigureItem[], asOf: Date): FeedbackFigures {
  return figuresOfPrepared(items.map(prepareFigureItem), asOf);
}

export function figuresOfPrepared(items: readonly PreparedFigureItem[], asOf: Date): FeedbackFigures {
  const tally = new FigureTally(vietnamDate(asOf));
  for (const item of items) tally.add(item.complaint, item.dueDate, item.answeredOnTime, item.daysToAnswer ?? 0);
  return tally.figures();
}

function median(values: Float64Array): number | null {
  if (!values.length) return null;
  // A typed array sorts numbers natively, without a comparison callback per pair (in place: the
  // tally's own copy, read once).
  const sorted = values.sort();
  const mid = sorted.length >> 1;
  return round1(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
