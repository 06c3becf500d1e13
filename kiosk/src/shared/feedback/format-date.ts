// Dates as people in Vietnam read them (dd/mm/yyyy), or in English, always in Vietnam time.
const locale = (lang: string) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** A calendar date written YYYY-MM-DD. */
export function formatDate(date: string, lang: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale(lang), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** The Vietnam calendar date of an instant. */
export function formatInstantDate(instant: string, lang: string): string {
  return new Date(instant).toLocaleDateString(locale(lang), { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
}
