// What a feedback item is and how it may move: shared by the server and the pages (pure data).

/** góp ý (suggestion), phản ánh (report of a problem), kiến nghị (complaint / petition). */
export const FEEDBACK_KINDS = ['suggestion', 'report', 'complaint'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/**
 * The kinds Decision 766 counts as complaints ("phản ánh, kiến nghị", as in Nghị định 20/2008);
 * a suggestion asks for no decision, so it has no deadline to keep in that indicator.
 */
export const COMPLAINT_KINDS: readonly FeedbackKind[] = ['report', 'complaint'];

export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * Allowed moves. An answer may be reopened while it is not closed; a closed item is final, and
 * only an answered item can be closed, so every item gets a reply.
 */
export const STATUS_MOVES: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  received: ['in_progress', 'answered'],
  in_progress: ['answered'],
  answered: ['in_progress', 'closed'],
  closed: [],
};

export function canMove(from: FeedbackStatus, to: FeedbackStatus): boolean {
  return STATUS_MOVES[from].includes(to);
}

/** True once the sender can read a reply. */
export function isAnswered(status: FeedbackStatus): boolean {
  return status === 'answered' || status === 'closed';
}

export const FEEDBACK_CHANNELS = ['web', 'kiosk', 'qr'] as const;

/** Length limits, in characters, checked by the server and shown by the forms. */
export const FEEDBACK_LIMITS = {
  text: { min: 5, max: 4000 },
  contact: 254,
  reply: 4000,
  note: 2000,
  redactions: { count: 30, length: 500 },
} as const;

/** Handling period when an admin has set none: 10 working days. */
export const DEFAULT_HANDLING_DAYS = 10;
