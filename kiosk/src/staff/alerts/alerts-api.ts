// The alert calls the staff pages make.
import { api } from '../staff-api';

export interface OpenAlert {
  id: string;
  unit: string;
  unitName: { vi: string; en: string };
  kind: string;
  openedAt: string;
  text: string;
}

export interface AlertRule {
  id: string;
  unit: string;
  kind: string;
  survey: string | null;
  element: string;
  days: number;
  target: number | null;
  recipients: string[];
  webhookUrl: string | null;
  enabled: boolean;
  firing: boolean;
  lastCheckedAt: string | null;
}

export interface Delivery {
  id: string;
  purpose: string;
  channel: string;
  target: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export const ALERT_KINDS = ['index_below_target', 'index_fell', 'complaints_overdue', 'kiosk_silent'] as const;

export const loadOpenAlerts = (lang: string) => api<OpenAlert[]>(`/api/alerts/open?lang=${lang}`);
export const loadRules = () => api<AlertRule[]>('/api/alerts/rules');
export const loadDeliveries = () => api<Delivery[]>('/api/alerts/deliveries');
export const loadContact = () => api<{ email: string | null; weeklyDigest: boolean }>('/api/alerts/contact');
export const saveContact = (contact: { email: string | null; weeklyDigest: boolean }) => api('/api/alerts/contact', { method: 'PUT', json: contact });
export const createRule = (rule: Record<string, unknown>) => api<AlertRule>('/api/alerts/rules', { method: 'POST', json: rule });
export const changeRule = (id: string, change: Record<string, unknown>) => api<AlertRule>(`/api/alerts/rules/${id}`, { method: 'PATCH', json: change });
export const deleteRule = (id: string) => api(`/api/alerts/rules/${id}`, { method: 'DELETE' });
export const loadWebhookKey = () => api<{ key: string }>('/api/alerts/webhook-key');
