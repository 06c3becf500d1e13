// The staff feedback API as the inbox tab uses it.
import type { FeedbackFigureReport } from '../../../../server/repos/feedback-figures';
import type { FeedbackSettings } from '../../../../server/repos/feedback-settings';
import type { FormChoices } from '../../shared/feedback/feedback-api';
import { api } from '../staff-api';

export type { FeedbackFigureReport, FeedbackSettings };
export type Status = 'received' | 'in_progress' | 'answered' | 'closed';

export interface InboxItem {
  id: string;
  ref: string;
  kind: 'suggestion' | 'report' | 'complaint';
  channel: string;
  unit: string;
  procedure: string | null;
  text: string;
  status: Status;
  receivedAt: string;
  dueDate: string;
  overdue: boolean;
  assignedUnit: string | null;
  assignedOfficial: string | null;
  answeredAt: string | null;
  publishable: boolean;
  hasContact: boolean;
}

export interface ItemEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  from: Status | null;
  to: Status | null;
  details: Record<string, unknown>;
}

export interface ItemDetail extends InboxItem {
  contactKind: 'phone' | 'email' | null;
  canReadContact: boolean;
  internalNote: string;
  reply: string;
  closedAt: string | null;
  redactions: string[];
  publishedAt: string | null;
  preview: { text: string; reply: string };
  events: ItemEvent[];
}

export interface Official {
  code: string;
  name: string;
  unit: string;
}

export interface InboxFilter {
  status: string;
  kind: string;
  unit: string;
  overdue: boolean;
  /** A tracking code a sender reads out on the phone. */
  code: string;
}

const item = (id: string, action = '') => `/api/feedback/items/${id}${action ? `/${action}` : ''}`;

export function listInbox(filter: InboxFilter) {
  const query = new URLSearchParams({ status: filter.status, limit: '200' });
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.unit) query.set('unit', filter.unit);
  if (filter.overdue) query.set('overdue', '1');
  if (filter.code.trim()) query.set('code', filter.code.trim());
  return api<{ items: InboxItem[]; total: number; today: string }>(`/api/feedback/items?${query}`);
}

export const inboxApi = {
  choices: () => api<FormChoices>('/api/feedback/form'),
  officials: () => api<Official[]>('/api/feedback/officials'),
  detail: (id: string) => api<ItemDetail>(item(id)),
  contact: (id: string) => api<{ kind: string; value: string }>(item(id, 'contact')),
  assign: (id: string, unit: string | null, official: string | null) => api<ItemDetail>(item(id, 'assign'), { json: { unit, official } }),
  move: (id: string, to: Status) => api<ItemDetail>(item(id, 'status'), { json: { to } }),
  note: (id: string, note: string) => api<ItemDetail>(item(id, 'note'), { method: 'PUT', json: { note } }),
  reply: (id: string, reply: string) => api<ItemDetail>(item(id, 'reply'), { method: 'PUT', json: { reply } }),
  publication: (id: string, publishable: boolean, redactions: string[]) => api<ItemDetail>(item(id, 'publication'), { method: 'PUT', json: { publishable, redactions } }),
  figures: (query: URLSearchParams) => api<FeedbackFigureReport>(`/api/feedback/figures?${query}`),
  settings: () => api<FeedbackSettings>('/api/feedback/settings'),
  saveSettings: (settings: FeedbackSettings) => api<FeedbackSettings>('/api/feedback/settings', { method: 'PUT', json: settings }),
};
