// How much of each raw response an export may carry. A row is one person's answers: with the
// official and the exact time it could be matched to the person served; with an official filter
// it is one official's answers one by one, whatever their number. So exports give the date, unit,
// procedure and channel, and only an admin who asks for the detail (audited) gets the official
// and the exact time, or the rows of one official.
import { HttpError } from '../http-error';

/** 'detailed': with official and exact time; 'anonymous': without; 'none': no rows at all. */
export type RawRows = 'detailed' | 'anonymous' | 'none';

export function rawRowsFor(asker: { admin: boolean; detail: boolean; official: string | undefined }): RawRows {
  if (asker.detail && !asker.admin) throw new HttpError(403, 'detail_admin_only', 'Only an admin may export the official and exact time of each response');
  if (asker.official !== undefined && !asker.detail) return 'none';
  return asker.detail ? 'detailed' : 'anonymous';
}
