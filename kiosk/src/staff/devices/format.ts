/** An instant as Vietnam wall-clock time, in the staff page's language. */
export function formatInstant(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
}

/** "4 (80 %)": a count with its share of the total; "0" when there is nothing to share. */
export function countWithShare(count: number, total: number, lang: string): string {
  if (total === 0 || count === 0) return String(count);
  const share = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(count / total);
  return `${count} (${share})`;
}
