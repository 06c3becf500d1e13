// The office's organisation from the staff page: read it, change one entry, bring in a workbook.
import { z } from 'zod';
import { UNIT_KINDS } from '../../organisation/layout';
import {
  codeParam, importQuery, officialAddBody, officialEditBody, procedureAddBody, procedureEditBody, unitAddBody, unitEditBody,
} from '../../routes/organisation';
import { unitCodeParam, unitSurveyBody } from '../../routes/unit-surveys';
import type { Operation } from '../operation';
import { surveyAsked, surveyChoice, surveySetting } from '../staff-replies';

const managers = { staff: { roles: ['admin', 'manager'] } } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const planItem = z.object({
  list: z.enum(['units', 'procedures', 'officials']), action: z.enum(['add', 'change', 'retire']), code: z.string(),
  nameVi: z.string(), nameEn: z.string(), fields: z.array(z.string()).describe('The fields that change'), line: z.number().int().describe('The sheet line (0 for a change of one entry)'),
});
const changed = z.object({ changed: z.boolean().describe('false: the entry already was so, nothing stored'), items: z.array(planItem) });
const organisation = z.object({
  root: z.string().nullable().describe('The manager\'s own unit; null for an admin'),
  canAddTop: z.boolean().describe('Whether the person may add a unit without a parent (admins)'),
  units: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), kind: z.enum(UNIT_KINDS), parent: z.string().nullable(), order: z.number().int(), active: z.boolean(),
    survey: surveySetting.nullable().describe('Its own questionnaire setting; null: as the unit above'),
    asks: surveyAsked.omit({ source: true }).extend({ source: z.enum(['unit', 'default']) }).nullable().describe('What its kiosks and invitations ask unless they set their own'),
  })),
  surveys: z.array(surveyChoice).describe('Published full questionnaires with their parts'),
  procedures: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), fieldVi: z.string(), fieldEn: z.string(), unit: z.string(), handlingDays: z.number().int().nullable(), active: z.boolean(),
  })),
  officials: z.array(z.object({ code: z.string(), fullName: z.string(), unit: z.string(), counter: z.string().nullable().describe('The counter (a unit of kind counter) under `unit` where they sit'), active: z.boolean() })),
});
const imported = z.object({
  fileName: z.string(), applied: z.boolean(),
  planHash: z.string().describe('Send it back as ?planHash= to apply exactly this plan'),
  counts: z.object({ add: z.number().int(), change: z.number().int(), retire: z.number().int() }),
  lists: z.array(z.enum(['units', 'procedures', 'officials'])).describe('The lists the file holds'),
  items: z.array(planItem),
});

const REFUSED = 'organisation_refused';
const edits = (list: string) => `Goes through the same checks as a workbook (the reasons are listed in error.refusals). Audited. A manager changes only ${list} at or below their own unit (403 unit_out_of_scope).`;

export const organisationOperations: Operation[] = [
  {
    method: 'get', path: '/api/staff/organisation', audience: 'staff', auth: managers,
    summary: { vi: 'Cơ cấu tổ chức', en: 'The organisation' },
    description: 'Units (with retired ones), procedures and officials; a manager sees their units only.',
    ok: { 200: { description: 'The organisation as far as the person manages it', schema: organisation } },
  },
  {
    method: 'post', path: '/api/staff/organisation/units', audience: 'staff', auth: managers, body: unitAddBody,
    summary: { vi: 'Thêm đơn vị', en: 'Add a unit' }, description: edits('units'),
    ok: { 201: { description: 'Added', schema: changed } },
    errors: { 400: [REFUSED], 403: ['unit_out_of_scope'] },
  },
  {
    method: 'patch', path: '/api/staff/organisation/units/{code}', audience: 'staff', auth: managers, params: codeParam, body: unitEditBody,
    summary: { vi: 'Sửa, chuyển, ngừng hoặc mở lại đơn vị', en: 'Rename, move, retire or reactivate a unit' },
    description: `${edits('units')} A new parent applies from effectiveFrom (default today in Vietnam).`,
    ok: { 200: { description: 'Changed', schema: changed } },
    errors: { 400: [REFUSED], 403: ['unit_out_of_scope'], 404: ['unknown_unit'] },
  },
  {
    method: 'put', path: '/api/staff/organisation/units/{code}/survey', audience: 'staff', auth: managers, params: unitCodeParam, body: unitSurveyBody,
    summary: { vi: 'Phiếu khảo sát và các phần hỏi của đơn vị', en: 'The questionnaire and parts a unit asks' },
    description:
      'Sets the full questionnaire (and which of its parts) the unit\'s kiosks and invitations ask after the quick rating; the units below inherit it unless they set their own, a kiosk or an invitation may set its own over it. surveyId null: as the unit above. Audited. A manager sets it only for units at or below their own.',
    ok: { 200: { description: 'The unit\'s own setting and what it asks', schema: z.object({ code: z.string(), survey: surveySetting.nullable(), asks: surveyAsked }) } },
    errors: { 403: ['unit_out_of_scope'], 404: ['unknown_unit'] },
  },
  {
    method: 'post', path: '/api/staff/organisation/procedures', audience: 'staff', auth: managers, body: procedureAddBody,
    summary: { vi: 'Thêm thủ tục', en: 'Add a procedure' }, description: edits('the procedures of units'),
    ok: { 201: { description: 'Added', schema: changed } },
    errors: { 400: [REFUSED], 403: ['unit_out_of_scope'] },
  },
  {
    method: 'patch', path: '/api/staff/organisation/procedures/{code}', audience: 'staff', auth: managers, params: codeParam, body: procedureEditBody,
    summary: { vi: 'Sửa, chuyển hoặc ngừng thủ tục', en: 'Edit, move or retire a procedure' }, description: edits('the procedures of units'),
    ok: { 200: { description: 'Changed', schema: changed } },
    errors: { 400: [REFUSED], 403: ['unit_out_of_scope'], 404: ['unknown_procedure'] },
  },
  {
    method: 'post', path: '/api/staff/organisation/officials', audience: 'staff', auth: managers, body: officialAddBody,
    summary: { vi: 'Thêm cán bộ', en: 'Add an official' }, description: edits('the officials of units'),
    ok: { 201: { description: 'Added', schema: changed } },
    errors: { 400: [REFUSED], 403: ['unit_out_of_scope'] },
  },
  {
    method: 'patch', path: '/api/staff/organisation/officials/{code}', audience: 'staff', auth: managers, params: codeParam, body: officialEditBody,
    summary: { vi: 'Sửa, chuyển hoặc cho cán bộ nghỉ', en: 'Edit, move or retire an official' }, description: edits('the officials of units'),
    ok: { 200: { description: 'Changed', schema: changed } },
    errors: { 400: [REFUSED], 403: ['unit_out_of_scope'], 404: ['unknown_official'] },
  },
  {
    method: 'post', path: '/api/staff/organisation/import', audience: 'staff', auth: managers, query: importQuery,
    upload: { description: 'The organisation workbook (.xlsx, sheets Đơn vị, Thủ tục, Cán bộ) or one list as CSV, as `npm run sipas -- org import` reads it; at most 2 MB' },
    summary: { vi: 'Nhập cơ cấu tổ chức từ tệp Excel', en: 'Bring in the organisation from a workbook' },
    description: 'dryRun=1 answers the plan (what would be added, changed, retired) and stores nothing. Then the same file with ?planHash= of that preview applies it, or answers 409 plan_changed when the organisation changed meanwhile. A wrong row refuses the whole file: 400 organisation_refused with each reason, sheet and line. A manager\'s file may name only their units (out_of_scope). Audited.',
    ok: { 200: { description: 'The plan, applied unless dryRun=1', schema: imported } },
    errors: { 400: [REFUSED], 409: ['plan_changed'] },
  },
  {
    method: 'get', path: '/api/staff/organisation/template.xlsx', audience: 'staff', auth: managers,
    summary: { vi: 'Tải tệp mẫu cơ cấu tổ chức', en: 'Download the organisation template' },
    ok: { 200: { description: 'The workbook with example rows', type: XLSX } },
  },
  {
    method: 'get', path: '/api/staff/organisation/export.xlsx', audience: 'staff', auth: managers,
    summary: { vi: 'Tải cơ cấu tổ chức hiện tại (Excel)', en: 'Download the organisation (Excel)' },
    description: 'In the template\'s layout, to edit and bring back in; a manager\'s units only. Audited.',
    ok: { 200: { description: 'The workbook', type: XLSX } },
  },
];
