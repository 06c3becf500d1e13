// Figures for staff within their units: scores, options, suggestions, targets, downloads, the report.
import { scoreExportQuery } from '../../routes/exports';
import { reportQuery } from '../../routes/report';
import { suggestionsQuery, targetsBody, targetsQuery } from '../../routes/scores';
import { scoreQuery } from '../../scores/score-query';
import type { Operation } from '../operation';
import { scoreOptions, scoreReport, suggestionList, targetsReply } from '../score-replies';

const scoped = ['unknown_survey'] as const;

export const scoreOperations: Operation[] = [
  {
    method: 'get', path: '/api/scores', audience: 'staff', auth: { staff: {} }, query: scoreQuery,
    summary: { vi: 'Chỉ số hài lòng theo bộ lọc', en: 'Satisfaction indices for a filter' },
    description: 'Overall, element and criterion indices with n, mean and Wilson 95% interval; breakdowns in `by`. One official\'s figures from fewer than 5 responses are withheld.',
    ok: { 200: { description: 'The report', schema: scoreReport } },
    errors: { 403: ['forbidden_unit'], 404: scoped },
  },
  {
    method: 'get', path: '/api/scores/options', audience: 'staff', auth: { staff: {} },
    summary: { vi: 'Các lựa chọn lọc', en: 'What the person may filter by' },
    ok: { 200: { description: 'Units, procedures, officials, channels and breakdowns', schema: scoreOptions } },
  },
  {
    method: 'get', path: '/api/scores/suggestions', audience: 'staff', auth: { staff: {} }, query: suggestionsQuery,
    summary: { vi: 'Ý kiến, đề xuất mới nhất', en: 'The newest suggestions' },
    ok: { 200: { description: 'Date and unit, no time', schema: suggestionList } },
    errors: { 403: ['forbidden_unit'], 404: scoped },
  },
  {
    method: 'get', path: '/api/scores/targets', audience: 'staff', auth: { staff: {} }, query: targetsQuery,
    summary: { vi: 'Chỉ tiêu theo yếu tố', en: 'Targets by element' },
    ok: { 200: { description: 'Percent by element (90 when none was set)', schema: targetsReply } },
    errors: { 404: scoped },
  },
  {
    method: 'put', path: '/api/scores/targets', audience: 'admins', auth: { staff: { roles: ['admin'] } }, body: targetsBody,
    summary: { vi: 'Đặt chỉ tiêu', en: 'Set the targets' },
    ok: { 200: { description: 'The targets now', schema: targetsReply } },
    errors: { 404: scoped },
  },
  {
    method: 'get', path: '/api/exports/responses.csv', audience: 'staff', auth: { staff: {} }, query: scoreExportQuery,
    summary: { vi: 'Tải các phiếu trả lời (CSV)', en: 'Download the responses (CSV)' },
    description: 'UTF-8 with BOM, one row per response, streamed; audited. Without the official and the exact time, unless an admin asks with detail=1; one official\'s rows only that way.',
    ok: { 200: { description: 'The file', type: 'text/csv' } },
    errors: { 403: ['forbidden_unit', 'detail_admin_only', 'official_filter_admin_only'], 404: scoped },
  },
  {
    method: 'get', path: '/api/exports/scores.xlsx', audience: 'staff', auth: { staff: {} }, query: scoreExportQuery,
    summary: { vi: 'Tải bảng chỉ số (Excel)', en: 'Download the indices (Excel)' },
    description: 'Sheets: Chỉ số, one per breakdown, the responses (without official and exact time unless an admin asks with detail=1; left out for one official otherwise); audited.',
    ok: { 200: { description: 'The workbook', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
    errors: { 403: ['forbidden_unit', 'detail_admin_only'], 404: scoped },
  },
  {
    method: 'get', path: '/staff/report', audience: 'staff', auth: { staff: {} }, query: reportQuery,
    summary: { vi: 'Báo cáo kết quả đo lường (in ra PDF)', en: 'The printable report (print to PDF)' },
    description: 'A page, not an API: without a session it redirects to /staff.',
    ok: { 200: { description: 'The A4 report', type: 'text/html' }, 302: { description: 'Not signed in: to the sign-in page' } },
    errors: { 403: ['forbidden_unit'], 404: scoped },
  },
];
