import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../../kiosk/src/staff/scores/format';

// One Intl formatter per language and precision: a new one per number made the test slow enough to time out on a busy machine.
const formatters = new Map<string, Intl.NumberFormat>();
const intl = (lang: string, n: number, digits: number) => {
  const key = `${lang}:${digits}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return formatters.get(key)!.format(n);
};

// A fixed pseudo-random sequence, so a failure can be replayed.
function* numbers(count: number): Generator<number> {
  let seed = 14;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++) {
    const scale = 10 ** Math.floor(next() * 9 - 2);
    yield (next() - 0.2) * scale;
    yield Math.round(next() * 100_000) / 1000; // ties like 0,125 at three decimals
  }
}

describe('the dashboard numbers', () => {
  it('read as Intl.NumberFormat writes them in Vietnamese and English', () => {
    const edges = [0, -0, 0.125, 0.005, 1.005, -0.001, 99.995, 100, 999.999, 1000, 12_345_678.9, -1234.5, Number.NaN, Number.POSITIVE_INFINITY, 1e22];
    for (const lang of ['vi', 'en']) {
      for (const digits of [0, 1, 2]) {
        for (const n of [...edges, ...numbers(1000)]) expect(formatNumber(lang, n, digits), `${lang} ${n} ${digits}`).toBe(intl(lang, n, digits));
      }
    }
  });

  it('write percents with two decimals, and a dash when there is no figure', () => {
    expect(formatPercent('vi', 85.324)).toBe('85,32%');
    expect(formatPercent('en', 1234.5)).toBe('1,234.50%');
    expect(formatPercent('en', null)).toBe('—');
  });
});
