// Feedback and complaints: sending and tracking (anyone), the inbox and figures (staff).
import { z } from 'zod';
import { assignBody, exportQuery, feedbackBody, figuresQuery, inboxQuery, noteBody, publicationBody, publicListQuery, replyBody, settingsBody, statusBody, trackingCodeParam } from '../../feedback/feedback-body';
import { feedbackIdParam } from '../../routes/feedback-inbox';
import { ratingBody } from '../../routes/feedback-public';
import type { Operation } from '../operation';
import { feedbackContact, feedbackDetail, feedbackFigures, feedbackForm, feedbackInbox, feedbackPublished, feedbackSent, feedbackSettings, feedbackTracked, officialList } from '../feedback-replies';

const handlers = { staff: { roles: ['admin', 'manager'] } } as const;
const change = (path: string, vi: string, en: string, body: z.ZodType, method: 'post' | 'put' = 'post'): Operation => ({
  method, path, audience: 'staff', auth: handlers, params: feedbackIdParam, body, summary: { vi, en },
  ok: { 200: { description: 'The item as it now is', schema: feedbackDetail } },
  errors: { 404: ['unknown_item'], 409: ['changed', 'closed', 'invalid_move', 'reply_required', 'not_answered'] },
});

export const feedbackOperations: Operation[] = [
  {
    method: 'get', path: '/api/feedback/form', audience: 'citizens',
    summary: { vi: 'Lựa chọn của biểu mẫu góp ý', en: 'What the feedback form offers' },
    ok: { 200: { description: 'Kinds, limits, handling days, units, procedures', schema: feedbackForm } },
  },
  {
    method: 'post', path: '/api/feedback', audience: 'citizens', body: feedbackBody,
    summary: { vi: 'Gửi góp ý, phản ánh, kiến nghị', en: 'Send a suggestion, report or complaint' },
    description: 'A contact is kept (encrypted) only with consent. The same id with the same content again answers 200.',
    ok: { 201: { description: 'Received', schema: feedbackSent }, 200: { description: 'The same item again', schema: feedbackSent } },
    errors: { 409: ['conflict'], 429: ['too_many_items'] },
  },
  {
    method: 'get', path: '/api/feedback/track/{code}', audience: 'citizens', params: trackingCodeParam,
    summary: { vi: 'Tra cứu theo mã', en: 'Follow an item by its code' },
    ok: { 200: { description: 'The sender\'s view (never the contact)', schema: feedbackTracked } },
    errors: { 404: ['unknown_code'], 429: ['too_many_lookups'] },
  },
  {
    method: 'post', path: '/api/feedback/track/{code}/rating', audience: 'citizens', params: trackingCodeParam, body: ratingBody,
    summary: { vi: 'Đánh giá việc giải quyết', en: 'Rate how the item was handled' },
    description: 'The sender, holding the code, rates an answered item; a later rating replaces the earlier one. Counted in the Decision 766 feedback indicators.',
    ok: { 200: { description: 'The sender\'s view, with the rating', schema: feedbackTracked } },
    errors: { 404: ['unknown_code'], 409: ['not_answered', 'changed'], 429: ['too_many_lookups'] },
  },
  {
    method: 'get', path: '/api/feedback/qr/{code}', audience: 'citizens', params: trackingCodeParam,
    summary: { vi: 'Mã QR của địa chỉ tra cứu', en: 'QR code of the tracking address' },
    ok: { 200: { description: 'SVG', type: 'image/svg+xml' } },
    errors: { 404: ['unknown_code'] },
  },
  {
    method: 'get', path: '/api/feedback/public', audience: 'citizens', query: publicListQuery,
    summary: { vi: 'Các trả lời được công khai', en: 'Published answers' },
    ok: { 200: { description: 'Redacted text and reply', schema: feedbackPublished } },
  },
  {
    method: 'get', path: '/api/feedback/items', audience: 'staff', auth: { staff: {} }, query: inboxQuery,
    summary: { vi: 'Hộp thư góp ý', en: 'The feedback inbox' },
    ok: { 200: { description: 'Items of the person\'s units, most urgent first', schema: feedbackInbox } },
    errors: { 400: ['unknown_unit'], 403: ['forbidden'] },
  },
  {
    method: 'get', path: '/api/feedback/officials', audience: 'staff', auth: { staff: {} },
    summary: { vi: 'Cán bộ để giao xử lý', en: 'Officials to assign to' },
    ok: { 200: { description: 'Active officials', schema: officialList } },
  },
  {
    method: 'get', path: '/api/feedback/items/{id}', audience: 'staff', auth: { staff: {} }, params: feedbackIdParam,
    summary: { vi: 'Một góp ý và lịch sử xử lý', en: 'One item with its history' },
    ok: { 200: { description: 'The item', schema: feedbackDetail } },
    errors: { 404: ['unknown_item'] },
  },
  {
    method: 'get', path: '/api/feedback/items/{id}/contact', audience: 'staff', auth: handlers, params: feedbackIdParam,
    summary: { vi: 'Xem liên hệ của người gửi (ghi nhật ký)', en: 'Read the sender\'s contact (audited)' },
    ok: { 200: { description: 'The contact', schema: feedbackContact } },
    errors: { 404: ['unknown_item', 'no_contact'], 409: ['contact_unreadable'] },
  },
  change('/api/feedback/items/{id}/assign', 'Giao xử lý', 'Assign to a unit or official', assignBody),
  change('/api/feedback/items/{id}/status', 'Chuyển trạng thái', 'Move the status', statusBody),
  change('/api/feedback/items/{id}/note', 'Ghi chú nội bộ', 'Save the internal note', noteBody, 'put'),
  change('/api/feedback/items/{id}/reply', 'Lưu trả lời', 'Save the reply', replyBody, 'put'),
  change('/api/feedback/items/{id}/publication', 'Công khai trả lời', 'Publish the answer, with phrases removed', publicationBody, 'put'),
  {
    method: 'get', path: '/api/feedback/figures', audience: 'staff', auth: { staff: {} }, query: figuresQuery,
    summary: { vi: 'Số liệu xử lý góp ý (QĐ 766)', en: 'Feedback handling figures (Decision 766)' },
    ok: { 200: { description: 'In total, per period and per unit', schema: feedbackFigures } },
    errors: { 400: ['unknown_unit', 'invalid_range'], 403: ['forbidden'] },
  },
  {
    method: 'get', path: '/api/feedback/settings', audience: 'staff', auth: { staff: {} },
    summary: { vi: 'Thời hạn xử lý và ngày nghỉ', en: 'Handling period and holidays' },
    ok: { 200: { description: 'The settings', schema: feedbackSettings } },
  },
  {
    method: 'put', path: '/api/feedback/settings', audience: 'admins', auth: { staff: { roles: ['admin'] } }, body: settingsBody,
    summary: { vi: 'Đặt thời hạn xử lý và ngày nghỉ', en: 'Set the handling period and holidays' },
    ok: { 200: { description: 'The settings now', schema: feedbackSettings } },
  },
  {
    method: 'get', path: '/api/feedback/export.csv', audience: 'staff', auth: { staff: {} }, query: exportQuery,
    summary: { vi: 'Tải danh sách góp ý (CSV)', en: 'Download the items (CSV)' },
    description: 'includeContact=1 only for admins; audited.',
    ok: { 200: { description: 'The file', type: 'text/csv' } },
    errors: { 400: ['unknown_unit', 'invalid_range'], 403: ['forbidden'] },
  },
];
