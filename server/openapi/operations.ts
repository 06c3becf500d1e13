// The operations the OpenAPI document and the docs page describe, each with the very zod schemas
// its route validates with, so the contract cannot drift from the code.
import type { z } from 'zod';
import { invitationBody, invitationView } from '../invitations/invitation-body';
import { invitationLookupView, tokenParam } from '../invitations/invitation-lookup';
import { invitedResponseBody } from '../invitations/invited-response';
import { responseBody } from '../responses/response-body';
import { apiKeyBody, apiKeyIdParam } from '../routes/api-keys';
import { dossierFiguresQuery } from '../routes/dossier-figures';
import { codeBody, codeResolved } from '../routes/invitation-codes';
import { invitationIdParam, invitationListQuery } from '../routes/invitations';
import { batchSlipQuery, slipQuery } from '../routes/slips';
import { apiKeyView, dossierFiguresResponse, invitationListItem, newApiKey, storedResponse } from './response-schemas';

export type Security = 'apiKey' | 'staffSession' | 'adminSession';

export interface Operation {
  method: 'get' | 'post';
  /** OpenAPI style: /api/invitations/{id}. */
  path: string;
  tag: 'invitations' | 'citizens' | 'figures' | 'keys';
  summary: { vi: string; en: string };
  description?: string;
  security: Security[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status → what it means, and the body (JSON unless html). */
  responses: Record<number, { description: string; schema?: z.ZodType; html?: boolean }>;
}

const e = (description: string) => ({ description });

export const operations: Operation[] = [
  {
    method: 'post', path: '/api/invitations', tag: 'invitations', security: ['apiKey', 'staffSession'], body: invitationBody,
    summary: { vi: 'Tạo phiếu mời đánh giá cho một hồ sơ đã trả kết quả', en: 'Create the QR invitation for a returned dossier' },
    description: 'Call it when the result is returned. The same dossier number again returns the same invitation (200), whatever else the second request says. Print the QR code (qrSvg) or open /slips/{id}.',
    responses: {
      201: { description: 'Created', schema: invitationView },
      200: { description: 'The dossier already had this invitation', schema: invitationView },
      400: e('invalid_request: every bad field in issues (unknown unit, procedure, official or questionnaire; a date in the future)'),
      401: e('invalid_api_key or not_signed_in'),
      403: e('unit_not_allowed: the unit is outside the key\'s or the person\'s units; forbidden: role; csrf'),
      409: e('dossier_in_other_unit: the dossier has an invitation from a unit the caller may not see'),
    },
  },
  {
    method: 'get', path: '/api/invitations', tag: 'invitations', security: ['apiKey', 'staffSession'], query: invitationListQuery,
    summary: { vi: 'Danh sách phiếu mời theo ngày tạo', en: 'List invitations by the day they were made' },
    description: 'For reprints and batch printing. It never says whether an invitation was answered.',
    responses: { 200: { description: 'Newest days first', schema: invitationListItem.array() }, 403: e('unit_not_allowed') },
  },
  {
    method: 'get', path: '/api/invitations/{id}', tag: 'invitations', security: ['apiKey', 'staffSession'], params: invitationIdParam,
    summary: { vi: 'Xem lại một phiếu mời (để in lại)', en: 'Read one invitation again (for a reprint)' },
    responses: { 200: { description: 'The invitation', schema: invitationView }, 404: e('unknown_invitation (also outside the caller\'s units)') },
  },
  {
    method: 'get', path: '/slips/{id}', tag: 'invitations', security: ['apiKey', 'staffSession'], params: invitationIdParam, query: slipQuery,
    summary: { vi: 'Trang in phiếu (một phiếu)', en: 'Print page for one slip' },
    description: 'HTML with @page sizes for an 80 mm thermal roll, A5 or A4. QR error correction Q; 0.75 mm modules on the thermal slip (6 dots at 203 dpi).',
    responses: { 200: { description: 'The print page', html: true }, 404: e('unknown_invitation') },
  },
  {
    method: 'get', path: '/slips', tag: 'invitations', security: ['apiKey', 'staffSession'], query: batchSlipQuery,
    summary: { vi: 'Trang in nhiều phiếu', en: 'Print page for many slips' },
    responses: { 200: { description: 'The print page (A4: six slips per sheet)', html: true }, 404: e('unknown_invitation') },
  },
  {
    method: 'get', path: '/api/invitation-tokens/{token}', tag: 'citizens', security: [], params: tokenParam,
    summary: { vi: 'Thông tin phiếu mời theo mã QR (trang điện thoại)', en: 'What a QR token is about (the phone page)' },
    responses: {
      200: { description: 'The unit, procedure and official, and what is left to answer', schema: invitationLookupView },
      400: e('invalid_request: not a token'),
      404: e('unknown_invitation or invitation_expired'),
    },
  },
  {
    method: 'post', path: '/api/invitation-tokens/{token}/responses', tag: 'citizens', security: [], params: tokenParam, body: invitedResponseBody,
    summary: { vi: 'Gửi đánh giá qua phiếu mời', en: 'Answer through an invitation' },
    description: 'Like POST /api/responses, with unit, procedure, official and channel (qr) taken from the invitation. Each questionnaire (the quick rating, then the full one) is answered once per invitation, also when two arrive at once.',
    responses: {
      201: { description: 'Stored', schema: storedResponse },
      200: { description: 'The same response again (a resend): stored once', schema: storedResponse },
      400: e('invalid_request: not_offered questionnaire, bad answers'),
      404: e('unknown_invitation or invitation_expired'),
      409: e('invitation_used: this questionnaire was already answered for this dossier; conflict: the id holds another response'),
      413: e('payload_too_large'),
    },
  },
  {
    method: 'post', path: '/api/invitation-codes', tag: 'citizens', security: [], body: codeBody,
    summary: { vi: 'Đổi mã 12 chữ số trên phiếu lấy mã QR', en: 'Exchange the 12-digit slip code for the token' },
    responses: {
      200: { description: 'The token and the phone page address', schema: codeResolved },
      400: e('invalid_request: not twelve digits (not counted as a guess)'),
      404: e('unknown_code'),
      429: e('too_many_attempts: 10 wrong codes per address, 300 from everyone, per 15 minutes; see Retry-After'),
    },
  },
  {
    method: 'post', path: '/api/responses', tag: 'citizens', security: [], body: responseBody,
    summary: { vi: 'Gửi một phiếu trả lời (máy tính bảng, giấy, web)', en: 'Send one response (kiosk, paper, web)' },
    responses: {
      201: { description: 'Stored', schema: storedResponse },
      200: { description: 'The same response again: stored once', schema: storedResponse },
      400: e('invalid_request'),
      409: e('conflict: the id holds another response'),
      413: e('payload_too_large'),
    },
  },
  {
    method: 'get', path: '/api/dossier-figures', tag: 'figures', security: ['staffSession'], query: dossierFiguresQuery,
    summary: { vi: 'Tỷ lệ trả đúng hẹn và chỉ số hài lòng về giải quyết TTHC (QĐ 766)', en: 'On-time share and Decision 766 handling satisfaction' },
    responses: { 200: { description: 'In total and per period', schema: dossierFiguresResponse }, 400: e('invalid_request'), 403: e('unit_not_allowed') },
  },
  {
    method: 'get', path: '/api/api-keys', tag: 'keys', security: ['adminSession'],
    summary: { vi: 'Danh sách khóa API', en: 'List API keys' },
    responses: { 200: { description: 'Every key, never the key itself', schema: apiKeyView.array() } },
  },
  {
    method: 'post', path: '/api/api-keys', tag: 'keys', security: ['adminSession'], body: apiKeyBody,
    summary: { vi: 'Cấp khóa API cho hệ thống một cửa', en: 'Issue an API key to a one-stop system' },
    responses: { 201: { description: 'The key, shown this once', schema: newApiKey }, 400: e('invalid_request: unknown unit') },
  },
  {
    method: 'post', path: '/api/api-keys/{id}/revoke', tag: 'keys', security: ['adminSession'], params: apiKeyIdParam,
    summary: { vi: 'Thu hồi khóa API', en: 'Revoke an API key' },
    responses: { 200: { description: 'Revoked: it stops working at once', schema: apiKeyView }, 400: e('already revoked'), 404: e('not_found') },
  },
];
