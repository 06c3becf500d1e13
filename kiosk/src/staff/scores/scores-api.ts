// The data the dashboard reads, typed from the server's own definitions.
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import type { ScoreReport } from '../../../../server/scoring/score-report';
import type { ThemeFigure } from '../../../../server/scoring/theme-figures';
import type { ThemeExample } from '../../../../server/themes/theme-report';
import { api } from '../staff-api';
import { vietnamToday } from './dashboard-filter';

export type { ScoreReport };
export type { BreakdownRow, Breakdown } from '../../../../server/scoring/score-report';
export type { IndexFigure } from '../../../../server/scoring/score-card';

export interface ScoreOptions {
  root: string | null;
  units: { code: string; parent: string | null; name: { vi: string; en: string } }[];
  procedures: { code: string; name: { vi: string; en: string } }[];
  officials: { code: string; unit: string; name: string }[];
  channels: string[];
  surveys: { id: string; breakdowns: { by: string; kind: string }[] }[];
}

export interface SurveySummary {
  id: string;
  version: number;
  title: Record<string, string> & { vi: string };
}

export interface Suggestions {
  withheld: boolean;
  suggestions: { date: string; unit: string; question: string; text: string }[];
}

export const loadOptions = () => api<ScoreOptions>('/api/scores/options');
export const loadSurveys = () => api<SurveySummary[]>('/api/surveys');
export const loadDefinition = (id: string) => api<SurveyDefinition>(`/api/surveys/${encodeURIComponent(id)}`);
export const loadScores = (query: string) => api<ScoreReport>(`/api/scores?${query}`);
export const loadSuggestions = (query: string) => api<Suggestions>(`/api/scores/suggestions?${query}&limit=20`);
export const saveTargets = (survey: string, targets: Record<string, number>) =>
  api<{ targets: Record<string, number> }>('/api/scores/targets', { method: 'PUT', json: { survey, targets } });

export interface ThemeReport {
  withheld: boolean;
  withheldReason?: string;
  texts: number;
  revision: number;
  previous: { from: string; to: string; texts: number } | null;
  themes: (ThemeFigure & { examples: ThemeExample[] })[];
}
export const loadThemes = (query: string) => api<ThemeReport>(`/api/staff/themes?${query}`);

export interface StoredLexicon {
  lexicon: { version: 1; themes: unknown[] };
  revision: number;
  updatedAt: string | null;
  updatedBy: string;
  retagged?: number;
}
export const loadLexicon = () => api<StoredLexicon>('/api/staff/themes/lexicon');
export const saveLexicon = (lexicon: unknown) => api<StoredLexicon>('/api/staff/themes/lexicon', { method: 'PUT', json: { lexicon } });
export const addTextTheme = (id: string, theme: string) =>
  api<{ id: string; themes: { theme: string; origin: string }[] }>(`/api/staff/themes/texts/${encodeURIComponent(id)}/themes/${encodeURIComponent(theme)}`, { method: 'PUT' });
export interface Retention {
  responseDays: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}
export const loadRetention = () => api<Retention>('/api/staff/retention');
export const saveRetention = (responseDays: number | null) => api<Retention>('/api/staff/retention', { method: 'PUT', json: { responseDays } });
export const removeTextTheme = (id: string, theme: string) =>
  api<{ id: string; themes: { theme: string; origin: string }[] }>(`/api/staff/themes/texts/${encodeURIComponent(id)}/themes/${encodeURIComponent(theme)}`, { method: 'DELETE' });

/** A published version of a questionnaire and the criteria it added or dropped, dated in Vietnam. */
export interface VersionChange {
  version: number;
  added: string[];
  removed: string[];
  /** YYYY-MM-DD and YYYY-MM of the publication, Vietnam time (the trend's months are Vietnamese months). */
  publishedDay: string;
  publishedMonth: string;
}

const vietnamDay = (iso: string) => vietnamToday(new Date(iso));

export const loadVersionChanges = (survey: string) =>
  api<{ changes: { version: number; publishedAt: string | null; added: string[]; removed: string[] }[] }>(`/api/staff/surveys/${encodeURIComponent(survey)}/changes`).then((r) =>
    r.changes.flatMap((c) => (c.publishedAt ? [{ version: c.version, added: c.added, removed: c.removed, publishedDay: vietnamDay(c.publishedAt), publishedMonth: vietnamDay(c.publishedAt).slice(0, 7) }] : [])),
  );
