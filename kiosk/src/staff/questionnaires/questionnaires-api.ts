// The staff API for questionnaire definitions (issue 12), typed for the Bộ câu hỏi tab.
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { api } from '../staff-api';
import type { DefinitionIssue } from './definition-issues';

export interface VersionView {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  retiredAt: string | null;
}

export interface DraftView {
  basedOn: number | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface SurveyView {
  id: string;
  title: SurveyDefinition['title'];
  method: string;
  versions: VersionView[];
  draft: DraftView | null;
}

export interface OpenedDraft {
  definition: SurveyDefinition;
  updatedAt: string;
  basedOn?: number | null;
  issues?: DefinitionIssue[];
}

export type ExportFormat = 'sipas' | 'surveyjs';

const base = (id: string) => `/api/staff/surveys/${encodeURIComponent(id)}`;

export const listSurveys = () => api<{ surveys: SurveyView[] }>('/api/staff/surveys').then((r) => r.surveys);
export const loadVersion = (id: string, version: number) => api<SurveyDefinition>(`${base(id)}/versions/${version}`);
export const createDraft = (id: string, fromVersion?: number) => api<OpenedDraft>(`${base(id)}/draft`, { method: 'POST', json: fromVersion === undefined ? {} : { fromVersion } });
export const loadDraft = (id: string) => api<OpenedDraft>(`${base(id)}/draft`);
export const saveDraft = (id: string, definition: SurveyDefinition, updatedAt?: string) =>
  api<{ definition: SurveyDefinition; updatedAt: string }>(`${base(id)}/draft`, { method: 'PUT', json: { definition, ...(updatedAt ? { updatedAt } : {}) } });
export const deleteDraft = (id: string) => api<null>(`${base(id)}/draft`, { method: 'DELETE' });
export const publishDraft = (id: string, updatedAt?: string) =>
  api<{ version: number; publishedAt: string }>(`${base(id)}/draft/publish`, { method: 'POST', json: updatedAt ? { updatedAt } : {} });
export const retireVersion = (id: string, version: number) => api(`${base(id)}/versions/${version}/retire`, { method: 'POST' });
export const importDefinition = (format: ExportFormat, definition: unknown, id?: string) =>
  api<OpenedDraft>('/api/staff/surveys/import', { json: { format, definition, ...(id ? { id } : {}) } });
export const exportUrl = (id: string, version: number, format: ExportFormat) => `${base(id)}/versions/${version}/export?format=${format}`;

/** Every published version of a questionnaire (none for one not yet published). */
export async function publishedDefinitions(id: string): Promise<SurveyDefinition[]> {
  const survey = (await listSurveys()).find((s) => s.id === id);
  return Promise.all((survey?.versions ?? []).map((v) => loadVersion(id, v.version)));
}
