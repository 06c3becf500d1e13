// How long raw responses and texts are kept (admins).
import { z } from 'zod';
import { retentionBody } from '../../routes/retention';
import type { Operation } from '../operation';

const retentionReply = z.object({
  responseDays: z.number().int().nullable().describe('Days after its date a response is kept; null: keep'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const retentionOperations: Operation[] = [
  {
    method: 'get', path: '/api/staff/retention', audience: 'admins', auth: { staff: { roles: ['admin'] } },
    summary: { vi: 'Thời hạn lưu phiếu', en: 'How long raw responses are kept' },
    ok: { 200: { description: 'The setting', schema: retentionReply } },
  },
  {
    method: 'put', path: '/api/staff/retention', audience: 'admins', auth: { staff: { roles: ['admin'] } }, body: retentionBody,
    summary: { vi: 'Đặt thời hạn lưu phiếu', en: 'Set how long raw responses are kept' },
    description: 'Once a day one app server deletes responses dated before the cutoff and blanks the texts of responses and answered or closed feedback items; aggregate counts, feedback figures and themes stay, so every index and trend is unchanged. Audited.',
    ok: { 200: { description: 'The setting now', schema: retentionReply } },
  },
];
