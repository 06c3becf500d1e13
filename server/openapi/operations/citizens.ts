// What citizens' pages call without signing in: questionnaires, answering through an invitation,
// the short code, and the interface strings.
import { z } from 'zod';
import { invitationLookupView, tokenParam } from '../../invitations/invitation-lookup';
import { invitedResponseBody } from '../../invitations/invited-response';
import { codeBody, codeResolved } from '../../routes/invitation-codes';
import { versionQuery } from '../../routes/surveys';
import { surveyDefinitionSchema } from '../../../survey-defs/schema';
import type { Operation } from '../operation';
import { storedResponse } from '../response-schemas';
import { languageList, surveyList } from '../staff-replies';

const fileParam = z.object({ file: z.string().describe('<language code>.json, e.g. vi.json') });

export const citizenOperations: Operation[] = [
  {
    method: 'get', path: '/api/surveys', audience: 'citizens',
    summary: { vi: 'Các bộ câu hỏi đang dùng', en: 'The published questionnaires' },
    ok: { 200: { description: 'Id, version, title and method of each', schema: surveyList } },
  },
  {
    method: 'get', path: '/api/surveys/{id}', audience: 'citizens', params: z.object({ id: z.string().describe('sipas-2017, counter-quick …') }), query: versionQuery,
    summary: { vi: 'Một bộ câu hỏi', en: 'One questionnaire' },
    description: 'With ?version=N the answer never changes and may be cached for good.',
    ok: { 200: { description: 'The definition: elements and criteria, questions, scales, sections', schema: surveyDefinitionSchema } },
    errors: { 404: ['unknown_survey'] },
  },
  {
    method: 'get', path: '/api/invitation-tokens/{token}', audience: 'citizens', params: tokenParam,
    summary: { vi: 'Thông tin phiếu mời theo mã QR (trang điện thoại)', en: 'What a QR token is about (the phone page)' },
    ok: { 200: { description: 'The unit, procedure and official, and what is left to answer', schema: invitationLookupView } },
    errors: { 404: ['unknown_invitation', 'invitation_expired'] },
  },
  {
    method: 'post', path: '/api/invitation-tokens/{token}/responses', audience: 'citizens', params: tokenParam, body: invitedResponseBody,
    summary: { vi: 'Gửi đánh giá qua phiếu mời', en: 'Answer through an invitation' },
    description: 'Like POST /api/responses, with unit, procedure, official and channel (qr) taken from the invitation. Each questionnaire (the quick rating, then the full one) is answered once per invitation, also when two arrive at once.',
    ok: {
      201: { description: 'Stored', schema: storedResponse },
      200: { description: 'The same response again (a resend): stored once', schema: storedResponse },
    },
    errors: { 404: ['unknown_invitation', 'invitation_expired'], 409: ['invitation_used', 'conflict', 'survey_retired'], 503: ['shutting_down'] },
  },
  {
    method: 'post', path: '/api/invitation-codes', audience: 'citizens', body: codeBody,
    summary: { vi: 'Đổi mã 12 chữ số trên phiếu lấy mã QR', en: 'Exchange the 12-digit slip code for the token' },
    ok: { 200: { description: 'The token and the phone page address', schema: codeResolved } },
    errors: { 404: ['unknown_code'], 429: ['too_many_attempts'] },
  },
  {
    method: 'get', path: '/locales/index.json', audience: 'citizens',
    summary: { vi: 'Các ngôn ngữ giao diện', en: 'The interface languages' },
    ok: { 200: { description: 'Vietnamese first', schema: languageList } },
  },
  {
    method: 'get', path: '/locales/{file}', audience: 'citizens', params: fileParam,
    summary: { vi: 'Chuỗi giao diện của các trang cho người dân', en: 'Interface strings of the citizens\' pages' },
    ok: { 200: { description: 'A tree of strings', schema: z.record(z.string(), z.unknown()) } },
    errors: { 404: ['unknown_language'] },
  },
  {
    method: 'get', path: '/locales/staff/{file}', audience: 'staff', params: fileParam,
    summary: { vi: 'Chuỗi giao diện của trang cán bộ', en: 'Interface strings of the staff pages' },
    ok: { 200: { description: 'A tree of strings', schema: z.record(z.string(), z.unknown()) } },
    errors: { 404: ['unknown_language'] },
  },
];
