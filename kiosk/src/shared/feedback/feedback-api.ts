// What the citizen pages ask the server about feedback: the form's choices, sending, tracking,
// the published answers.
import type { FeedbackKind } from '../../../../server/feedback/feedback-rules';
import type { LocalizedText } from '../../../../survey-defs/schema';
import { serverError, type ServerError } from '../error-text';

export interface FormChoices {
  kinds: FeedbackKind[];
  handlingDays: number;
  units: { code: string; parent: string | null; name: LocalizedText }[];
  procedures: { code: string; unit: string; name: LocalizedText; field: LocalizedText }[];
}

export interface OutgoingFeedback {
  id: string;
  kind: FeedbackKind;
  unit: string;
  procedure?: string;
  text: string;
  contact?: string;
  consent?: boolean;
  channel: 'web' | 'kiosk' | 'qr';
  device: string;
}

export interface SentFeedback {
  code: string;
  trackUrl: string;
  dueDate: string;
}

export type SendOutcome = { ok: true; sent: SentFeedback } | { ok: false; error: ServerError | null };

export interface TrackedFeedback {
  code: string;
  kind: FeedbackKind;
  unit: string;
  procedure: string | null;
  text: string;
  status: 'received' | 'in_progress' | 'answered' | 'closed';
  receivedAt: string;
  dueDate: string;
  answeredAt: string | null;
  reply: string | null;
  privateReply: boolean;
  /** The sender's rating of the handling, once given. */
  rating: HandlingRating | null;
}

export type HandlingRating = 'satisfied' | 'dissatisfied';

export interface PublishedFeedback {
  key: string;
  kind: FeedbackKind;
  unit: string;
  procedure: string | null;
  receivedDate: string;
  answeredAt: string | null;
  text: string;
  reply: string;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw Object.assign(new Error(`${path}: ${res.status}`), { status: res.status });
  return res.json();
}

export const fetchFormChoices = () => getJson<FormChoices>('/api/feedback/form');
export const fetchTracked = (code: string) => getJson<TrackedFeedback>(`/api/feedback/track/${encodeURIComponent(code)}`);
export const fetchPublished = (offset: number, unit?: string) =>
  getJson<{ items: PublishedFeedback[]; more: boolean }>(`/api/feedback/public?offset=${offset}${unit ? `&unit=${encodeURIComponent(unit)}` : ''}`);

/** Rates how the item was handled; the updated item, or null when it failed. */
export async function rateHandling(code: string, rating: HandlingRating): Promise<TrackedFeedback | null> {
  try {
    const res = await fetch(`/api/feedback/track/${encodeURIComponent(code)}/rating`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating }) });
    return res.ok ? ((await res.json()) as TrackedFeedback) : null;
  } catch {
    return null;
  }
}

/** Sends one item; a resend of the same id is answered with the same code (200). */
export async function sendFeedback(item: OutgoingFeedback): Promise<SendOutcome> {
  try {
    const res = await fetch('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item) });
    if (!res.ok) return { ok: false, error: await serverError(res) };
    return { ok: true, sent: await res.json() };
  } catch {
    return { ok: false, error: null };
  }
}
