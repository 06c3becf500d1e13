// One-stop systems (API key) and staff: QR invitations on result slips, and their print pages.
import { invitationBody, invitationView } from '../../invitations/invitation-body';
import { dossierFiguresQuery } from '../../routes/dossier-figures';
import { invitationIdParam, invitationListQuery } from '../../routes/invitations';
import { batchSlipQuery, slipQuery } from '../../routes/slips';
import type { Operation } from '../operation';
import { dossierFiguresResponse, invitationListItem } from '../response-schemas';
import { invitationFormOptions } from '../staff-replies';

const inviter = { apiKey: true, staff: { roles: ['admin', 'manager'] } } as const;

export const invitationOperations: Operation[] = [
  {
    method: 'post', path: '/api/invitations', audience: 'integrators', auth: inviter, body: invitationBody,
    summary: { vi: 'Tạo phiếu mời đánh giá cho một hồ sơ đã trả kết quả', en: 'Create the QR invitation for a returned dossier' },
    description: 'Call it when the result is returned. The same dossier number again returns the same invitation (200), whatever else the second request says. Print the QR code (qrSvg) or open /slips/{id}.',
    ok: {
      201: { description: 'Created', schema: invitationView },
      200: { description: 'The dossier already had this invitation', schema: invitationView },
    },
    errors: { 403: ['unit_not_allowed'], 409: ['dossier_in_other_unit'] },
  },
  {
    method: 'get', path: '/api/invitations', audience: 'integrators', auth: inviter, query: invitationListQuery,
    summary: { vi: 'Danh sách phiếu mời theo ngày tạo', en: 'List invitations by the day they were made' },
    description: 'For reprints and batch printing. It never says whether an invitation was answered.',
    ok: { 200: { description: 'Newest days first', schema: invitationListItem.array() } },
    errors: { 403: ['unit_not_allowed'] },
  },
  {
    method: 'get', path: '/api/invitations/form-options', audience: 'staff', auth: inviter,
    summary: { vi: 'Lựa chọn cho biểu mẫu tạo phiếu mời', en: 'Choices for the invitation form' },
    ok: { 200: { description: 'The caller\'s units, the procedures, active officials and full questionnaires', schema: invitationFormOptions } },
  },
  {
    method: 'get', path: '/api/invitations/{id}', audience: 'integrators', auth: inviter, params: invitationIdParam,
    summary: { vi: 'Xem lại một phiếu mời (để in lại)', en: 'Read one invitation again (for a reprint)' },
    ok: { 200: { description: 'The invitation', schema: invitationView } },
    errors: { 404: ['unknown_invitation'] },
  },
  {
    method: 'get', path: '/slips/{id}', audience: 'integrators', auth: inviter, params: invitationIdParam, query: slipQuery,
    summary: { vi: 'Trang in phiếu (một phiếu)', en: 'Print page for one slip' },
    description: 'HTML with @page sizes for an 80 mm thermal roll, A5 or A4. QR error correction Q; 0.75 mm modules on the thermal slip (6 dots at 203 dpi).',
    ok: { 200: { description: 'The print page', type: 'text/html' } },
    errors: { 404: ['unknown_invitation'] },
  },
  {
    method: 'get', path: '/slips', audience: 'integrators', auth: inviter, query: batchSlipQuery,
    summary: { vi: 'Trang in nhiều phiếu', en: 'Print page for many slips' },
    ok: { 200: { description: 'The print page (A4: six slips per sheet)', type: 'text/html' } },
    errors: { 404: ['unknown_invitation'] },
  },
  {
    method: 'get', path: '/api/dossier-figures', audience: 'staff', auth: { staff: {} }, query: dossierFiguresQuery,
    summary: { vi: 'Tỷ lệ trả đúng hẹn và chỉ số hài lòng về giải quyết TTHC (QĐ 766)', en: 'On-time share and Decision 766 handling satisfaction' },
    ok: { 200: { description: 'In total and per period', schema: dossierFiguresResponse } },
    errors: { 403: ['unit_not_allowed'] },
  },
];
