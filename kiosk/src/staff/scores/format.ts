// Numbers as people in each language write them: 85,32% in Vietnamese, 85.32% in English.
export function formatNumber(lang: string, n: number, digits = 2): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPercent(lang: string, n: number | null): string {
  return n === null ? '—' : `${formatNumber(lang, n)}%`;
}
