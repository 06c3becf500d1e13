// The staff page's tabs. Each is its own chunk, loaded when first opened; add a line to add one.
import type { ComponentType } from 'preact';
import type { StaffStore } from './staff-store';

export interface StaffTab {
  id: string;
  /** Key in locales/staff/<code>.json. */
  label: string;
  roles?: readonly ('admin' | 'manager' | 'viewer')[];
  load: () => Promise<ComponentType<{ store: StaffStore }>>;
}

export const staffTabs: StaffTab[] = [
  { id: 'scores', label: 'scores.tab', load: () => import('./scores/ScoresTab').then((m) => m.ScoresTab) },
  { id: 'audit', label: 'tabs.audit', roles: ['admin'], load: () => import('./audit/AuditTab').then((m) => m.AuditTab) },
  { id: 'invitations', label: 'invitations.tab', roles: ['admin', 'manager'], load: () => import('./invitations/InvitationsTab').then((m) => m.InvitationsTab) },
  { id: 'api-keys', label: 'apiKeys.tab', roles: ['admin'], load: () => import('./api-keys/ApiKeysTab').then((m) => m.ApiKeysTab) },
  { id: 'feedback', label: 'feedback.tab', load: () => import('./feedback/FeedbackTab').then((m) => m.FeedbackTab) },
  { id: 'devices', label: 'devices.tab', load: () => import('./devices/DevicesTab').then((m) => m.DevicesTab) },
  { id: 'organisation', label: 'organisation.tab', roles: ['admin', 'manager'], load: () => import('./organisation/OrganisationTab').then((m) => m.OrganisationTab) },
  { id: 'paper', label: 'paper.tab', roles: ['admin', 'manager'], load: () => import('./paper/PaperEntryTab').then((m) => m.PaperEntryTab) },
  { id: 'open-links', label: 'openLinks.tab', roles: ['admin'], load: () => import('./open-links/OpenLinksTab').then((m) => m.OpenLinksTab) },
  { id: 'alerts', label: 'alerts.tab', load: () => import('./alerts/AlertsTab').then((m) => m.AlertsTab) },
  // Admins only: the definitions behind every score (other roles do not see the tab at all).
  { id: 'questionnaires', label: 'questionnaires.tab', roles: ['admin'], load: () => import('./questionnaires/QuestionnairesTab').then((m) => m.QuestionnairesTab) },
  { id: 'publications', label: 'publications.tab', roles: ['admin'], load: () => import('./results/PublicationsTab').then((m) => m.PublicationsTab) },
];
