// The questionnaire editor (issue 12): the catalog, drafts, publishing, retiring, import/export
// and the criteria each version brought in or dropped.
import { z } from 'zod';
import { surveyDefinitionSchema } from '../../../survey-defs/schema';
import { draftCreateBody, draftSaveBody, exportQuery, importBody, publishBody, surveyParam, versionParam } from '../../routes/questionnaires';
import type { Operation } from '../operation';

const staff = { staff: {} } as const;
const admins = { staff: { roles: ['admin'] } } as const;
const text = z.record(z.string(), z.string()).describe('{ vi, en? }');
const issue = z.object({ path: z.string().describe('e.g. elements.2.criteria.0.text.vi'), code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()).optional() });
const catalog = z.object({
  surveys: z.array(z.object({
    id: z.string(), title: text, method: z.string(),
    versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable().describe('null: seeded from a survey-defs/ file'), retiredAt: z.string().nullable() })),
    draft: z.object({ basedOn: z.number().int().nullable(), version: z.number().int(), updatedAt: z.string(), updatedBy: z.string().nullable() }).nullable(),
  })),
});
const created = z.object({ definition: surveyDefinitionSchema, updatedAt: z.string(), issues: z.array(issue).describe('What publishing would still refuse (the publishing rules); the draft is stored') });
const RULES =
  'Checked by the schema (survey-defs/schema.ts, each problem with a stable code) and the publishing rules: an id kept from an earlier version keeps its meaning ' +
  '(a criterion stays a criterion on a scale with the same values, satisfied/dissatisfied and no-opinion; a question keeps its type and every option id). ';

export const questionnaireOperations: Operation[] = [
  {
    method: 'get', path: '/api/staff/surveys', audience: 'staff', auth: staff,
    summary: { vi: 'Danh mục bộ câu hỏi', en: 'The questionnaire catalog' },
    description: 'Every questionnaire with its published versions (retired ones too) and its draft, if any.',
    ok: { 200: { description: 'The catalog', schema: catalog } },
  },
  {
    method: 'get', path: '/api/staff/surveys/{id}/versions/{version}', audience: 'staff', auth: staff, params: versionParam,
    summary: { vi: 'Một phiên bản đã công bố', en: 'One published version' },
    ok: { 200: { description: 'The definition (retired versions too)', schema: surveyDefinitionSchema } },
    errors: { 404: ['unknown_survey'] },
  },
  {
    method: 'get', path: '/api/staff/surveys/{id}/versions/{version}/export', audience: 'staff', auth: staff, params: versionParam, query: exportQuery,
    summary: { vi: 'Tải phiên bản về (sipas hoặc SurveyJS)', en: 'Download a version (sipas or SurveyJS)' },
    description: 'A JSON attachment: `<id>.v<version>.json` (imports back to the same definition) or `<id>.v<version>.surveyjs.json` (imports back to the same questions, options, levels and words).',
    ok: { 200: { description: 'The file', type: 'application/json' } },
    errors: { 404: ['unknown_survey'] },
  },
  {
    method: 'post', path: '/api/staff/surveys/{id}/versions/{version}/retire', audience: 'admins', auth: admins, params: versionParam,
    summary: { vi: 'Ngừng sử dụng một phiên bản', en: 'Retire a version' },
    description:
      'From now on the version is not offered (GET /api/surveys skips it, new invitations refuse it) and an answer to it given after now is refused (409 survey_retired); answers given before (a kiosk\'s queue) are still taken. ' +
      'Retiring a retired version changes nothing. The last offered version of counter-quick cannot be retired. Audited (survey.retire).',
    ok: { 200: { description: 'Retired', schema: z.object({ version: z.number().int(), retiredAt: z.string() }) } },
    errors: { 404: ['unknown_survey'], 409: ['quick_rating_needed'] },
  },
  {
    method: 'get', path: '/api/staff/surveys/{id}/changes', audience: 'staff', auth: staff, params: surveyParam,
    summary: { vi: 'Tiêu chí thêm, bỏ theo phiên bản', en: 'Criteria added and removed by version' },
    description: 'For each version after the first, the criterion ids new or gone compared with the version before: the trend\'s markers.',
    ok: { 200: { description: 'The changes', schema: z.object({ changes: z.array(z.object({ version: z.number().int(), publishedAt: z.string().nullable(), added: z.array(z.string()), removed: z.array(z.string()) })) }) } },
    errors: { 404: ['unknown_survey'] },
  },
  {
    method: 'get', path: '/api/staff/surveys/{id}/draft', audience: 'staff', auth: staff, params: surveyParam,
    summary: { vi: 'Bản nháp', en: 'The draft' },
    ok: { 200: { description: 'The draft', schema: z.object({ definition: surveyDefinitionSchema, basedOn: z.number().int().nullable(), updatedAt: z.string() }) } },
    errors: { 404: ['no_draft'] },
  },
  {
    method: 'post', path: '/api/staff/surveys/{id}/draft', audience: 'admins', auth: admins, params: surveyParam, body: draftCreateBody,
    summary: { vi: 'Tạo bản nháp phiên bản mới', en: 'Start a draft of the next version' },
    description: 'A copy of `fromVersion` (default: the latest published) numbered after every version of the questionnaire, status draft. Audited (survey.draft_create).',
    ok: { 201: { description: 'The draft', schema: created } },
    errors: { 404: ['unknown_survey'], 409: ['draft_exists'] },
  },
  {
    method: 'put', path: '/api/staff/surveys/{id}/draft', audience: 'admins', auth: admins, params: surveyParam, body: draftSaveBody,
    summary: { vi: 'Lưu bản nháp', en: 'Save the draft' },
    description: `The whole definition replaces the draft. ${RULES}Every problem is answered at once (422 invalid_definition) and nothing is saved. The draft's id and version cannot change; a definition naming a published version is refused (409 version_published).`,
    ok: { 200: { description: 'Saved', schema: z.object({ definition: surveyDefinitionSchema, updatedAt: z.string() }) } },
    errors: { 404: ['no_draft'], 409: ['draft_changed', 'version_published'], 422: ['invalid_definition'] },
  },
  {
    method: 'delete', path: '/api/staff/surveys/{id}/draft', audience: 'admins', auth: admins, params: surveyParam,
    summary: { vi: 'Xóa bản nháp', en: 'Delete the draft' },
    ok: { 204: { description: 'Deleted' } },
    errors: { 404: ['no_draft'] },
  },
  {
    method: 'post', path: '/api/staff/surveys/{id}/draft/publish', audience: 'admins', auth: admins, params: surveyParam, body: publishBody,
    summary: { vi: 'Công bố bản nháp', en: 'Publish the draft' },
    description: `${RULES}Stored as an immutable version, the draft removed; every app server offers it on its next request. The body is optional. Audited (survey.publish).`,
    ok: { 201: { description: 'Published', schema: z.object({ version: z.number().int(), publishedAt: z.string() }) } },
    errors: { 404: ['no_draft'], 409: ['draft_changed', 'version_published'], 422: ['invalid_definition'] },
  },
  {
    method: 'post', path: '/api/staff/surveys/import', audience: 'admins', auth: admins, body: importBody,
    summary: { vi: 'Nhập bộ câu hỏi từ tệp', en: 'Import a questionnaire file' },
    description:
      'A draft of a new questionnaire or of the next version of one. `sipas`: a definition as exported. `surveyjs`: pages of rating (criteria; a page\'s ratings are one element), radiogroup, checkbox and comment questions, ' +
      'with visibleIf "{q} = \'x\'" or "{q} anyof [\'x\',\'y\']"; texts plain or by locale ({ default, vi, en }). Anything else is refused (422 unsupported_surveyjs, naming the element and its path): nothing is silently dropped. Audited (survey.import).',
    ok: { 201: { description: 'The draft', schema: created } },
    errors: { 409: ['draft_exists'], 422: ['invalid_definition', 'unsupported_surveyjs'] },
  },
];
