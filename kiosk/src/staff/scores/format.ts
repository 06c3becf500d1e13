// Numbers as people in each language write them: 85,32% in Vietnamese, 85.32% in English.
// One formatter per language and precision, kept: toLocaleString builds a new one on every call,
// and the dashboard's tables format thousands of figures (profiled: half of its first render).
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: string, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(lang: string, n: number, digits = 2): string {
  return formatter(lang, digits).format(n);
}

export function formatPercent(lang: string, n: number | null): string {
  return n === null ? '—' : `${formatNumber(lang, n)}%`;
}
