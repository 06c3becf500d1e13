// Numbers as people in each language write them: 85,32% in Vietnamese, 85.32% in English.
// Written out by hand rather than with Intl.NumberFormat: the page's first formatter loads the
// locale's ICU data, which a CPU profile of the dashboard on a slow PC put at over 40% of its first
// render (tests/bench/staff-dashboard.bench.ts). The text is Intl's to the digit, which
// tests/unit/staff-format.test.ts checks on thousands of numbers.
const separators: Record<string, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * |n| rounded to `digits` decimals, as "1234.57". Like Intl, it rounds the shortest decimal that
 * reads back as n (34.55, not the 34.5499… the double holds) half away from zero; undefined for
 * numbers JavaScript writes with an exponent.
 */
function fixed(n: number, digits: number): string | undefined {
  const text = String(Math.abs(n));
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  const kept = `${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`;
  const rounded = (fraction.charCodeAt(digits) >= 53 /* '5' */ ? (BigInt(kept) + 1n).toString() : kept).padStart(digits + 1, '0');
  return digits ? `${rounded.slice(0, -digits)}.${rounded.slice(-digits)}` : rounded;
}

export function formatNumber(lang: string, n: number, digits = 2): string {
  const { group, decimal } = separators[lang === 'vi' ? 'vi' : 'en']!;
  const plain = fixed(n, digits);
  if (plain === undefined) {
    return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  }
  const [whole, fraction] = plain.split('.') as [string, string?];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  // Intl writes the sign of anything below zero, -0 and what rounds to 0 included (-0,00).
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${decimal}${fraction}`;
}

export function formatPercent(lang: string, n: number | null): string {
  return n === null ? '—' : `${formatNumber(lang, n)}%`;
}
