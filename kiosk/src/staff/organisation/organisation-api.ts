// The staff API for the organisation (server/routes/organisation.ts), typed for the tab.
import type { MergeOutcome } from '../../../../server/organisation/merge-units';
import { api, ApiError } from '../staff-api';
import type { SurveyAsked, SurveyChoice } from '../survey-setting/survey-setting';

export const UNIT_KINDS = ['agency', 'office', 'department', 'centre', 'counter'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type ListName = 'units' | 'procedures' | 'officials';

export interface UnitView {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: UnitKind;
  parent: string | null;
  order: number;
  active: boolean;
  /** Its own questionnaire setting; null: as the unit above. */
  survey: { surveyId: string; parts: string[] | null } | null;
  /** What its kiosks and invitations ask unless they set their own. */
  asks: SurveyAsked | null;
}

export interface ProcedureView {
  code: string;
  nameVi: string;
  nameEn: string;
  fieldVi: string;
  fieldEn: string;
  unit: string;
  handlingDays: number | null;
  active: boolean;
}

export interface OfficialView {
  code: string;
  fullName: string;
  unit: string;
  counter: string | null;
  active: boolean;
}

export interface Organisation {
  root: string | null;
  canAddTop: boolean;
  units: UnitView[];
  procedures: ProcedureView[];
  officials: OfficialView[];
  /** Published full questionnaires with their parts. */
  surveys: SurveyChoice[];
}

export interface PlanItemView {
  list: ListName;
  action: 'add' | 'change' | 'retire';
  code: string;
  nameVi: string;
  nameEn: string;
  fields: string[];
  line: number;
}

export interface ImportPlan {
  fileName: string;
  applied: boolean;
  planHash: string;
  counts: { add: number; change: number; retire: number };
  lists: ListName[];
  items: PlanItemView[];
}

export interface RefusalView {
  list: ListName | null;
  sheet: string | null;
  line: number;
  reason: string;
  params: Record<string, string | number>;
}

export const loadOrganisation = () => api<Organisation>('/api/staff/organisation');

export const addUnit = (body: { code: string; nameVi: string; nameEn?: string; kind: UnitKind; parent: string | null; order?: number }) => api('/api/staff/organisation/units', { json: body });
/** A unit's questionnaire and parts (PUT …/units/{code}/survey); surveyId null: as the unit above. */
export const setUnitSurvey = (code: string, surveyId: string | null, surveyParts: string[] | null) =>
  api(`/api/staff/organisation/units/${encodeURIComponent(code)}/survey`, { method: 'PUT', json: { surveyId, surveyParts: surveyId ? surveyParts : null } });
export const editUnit = (code: string, body: Partial<Omit<UnitView, 'code' | 'survey' | 'asks'>> & { effectiveFrom?: string }) => api(`/api/staff/organisation/units/${encodeURIComponent(code)}`, { method: 'PATCH', json: body });

export const addProcedure = (body: { code: string; nameVi: string; nameEn?: string; fieldVi: string; fieldEn?: string; unit: string; handlingDays?: number | null }) => api('/api/staff/organisation/procedures', { json: body });
export const editProcedure = (code: string, body: Partial<Omit<ProcedureView, 'code'>>) => api(`/api/staff/organisation/procedures/${encodeURIComponent(code)}`, { method: 'PATCH', json: body });

export const addOfficial = (body: { code: string; fullName: string; unit: string; counter?: string | null }) => api('/api/staff/organisation/officials', { json: body });
export const editOfficial = (code: string, body: Partial<Omit<OfficialView, 'code'>>) => api(`/api/staff/organisation/officials/${encodeURIComponent(code)}`, { method: 'PATCH', json: body });

/** Sends the workbook: a preview (nothing stored), or the previewed plan applied (refused with 409 plan_changed if it is not the same any more). */
export function uploadWorkbook(file: File, mode: { dryRun: true } | { dryRun: false; planHash: string }): Promise<ImportPlan> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = mode.dryRun ? 'dryRun=1' : `dryRun=0&planHash=${mode.planHash}`;
  return api<ImportPlan>(`/api/staff/organisation/import?${query}`, { form });
}

export const TEMPLATE_URL = '/api/staff/organisation/template.xlsx';
export const EXPORT_URL = '/api/staff/organisation/export.xlsx';

/** The refusals of an organisation_refused answer, or null for any other failure. */
export function refusalsOf(error: unknown): RefusalView[] | null {
  if (!(error instanceof ApiError) || error.code !== 'organisation_refused') return null;
  const list = error.body?.refusals;
  return Array.isArray(list) ? (list as RefusalView[]) : null;
}

/** Admins: `units` become part of `into` from `effectiveFrom` (POST /api/staff/organisation/merges). */
export const mergeUnits = (units: string[], into: string, effectiveFrom: string) =>
  api<MergeOutcome>('/api/staff/organisation/merges', { method: 'POST', json: { units, into, effectiveFrom } });
