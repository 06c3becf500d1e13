// The organisation over time: the dated moves and merges of units, and merging units (admins).
import { z } from 'zod';
import { mergeBody } from '../../routes/unit-changes';
import type { Operation } from '../operation';

const admins = { staff: { roles: ['admin'] } } as const;
const change = z.object({ unit: z.string(), kind: z.enum(['move', 'merge']), from: z.string().nullable(), to: z.string().nullable(), effectiveFrom: z.string() });
const outcome = z.object({
  merged: z.array(z.string()), into: z.string(), effectiveFrom: z.string(),
  retiredUnits: z.array(z.string()), movedOfficials: z.array(z.string()), movedProcedures: z.array(z.string()),
});

export const unitChangeOperations: Operation[] = [
  {
    method: 'get', path: '/api/staff/organisation/changes', audience: 'admins', auth: admins,
    summary: { vi: 'Lịch sử chuyển và sáp nhập đơn vị', en: 'Moves and merges of units' },
    description: 'Every dated move and merge, oldest first. Scores of a date roll up through the structure in force on it.',
    ok: { 200: { description: 'The changes', schema: z.array(change) } },
  },
  {
    method: 'post', path: '/api/staff/organisation/merges', audience: 'admins', auth: admins, body: mergeBody,
    summary: { vi: 'Sáp nhập đơn vị', en: 'Merge units' },
    description:
      'From `effectiveFrom` each unit sits under `into` and is retired with its sub-units; its active officials and procedures pass to `into`. ' +
      'The old units keep their past figures; `into` shows them for the dates before, so its trend runs on. Audited (organisation.merge).',
    ok: { 201: { description: 'What was merged, retired and passed on', schema: outcome } },
    errors: { 400: ['effective_date_in_future'], 404: ['unknown_unit'], 409: ['unit_retired', 'merge_into_own_unit', 'change_out_of_order'] },
  },
];
