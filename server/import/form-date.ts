// When a paper form was filled in, as typists write it: an ISO date (filed at the start of that
// day in Vietnam), an ISO date-time (Vietnam time unless it names its offset), or dd/mm/yyyy.
import { isIsoDate, startOfVietnamDate } from '../scoring/vietnam-time';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const VIETNAMESE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The instant (ISO-8601 UTC) a cell names, or undefined when it is not a date. */
export function parseFormDate(cell: string): string | undefined {
  const text = cell.trim();
  const vn = VIETNAMESE_DATE.exec(text);
  const date = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : text;
  if (isIsoDate(date)) return startOfVietnamDate(date).toISOString();
  const m = DATE_TIME.exec(text);
  if (!m || !isIsoDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const zone = m[6] ? m[6].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '+07:00';
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] ?? ''}${zone}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
