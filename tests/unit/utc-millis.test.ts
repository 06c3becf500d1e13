import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utcMillis } from '../../server/scoring/utc-millis';

describe('utcMillis', () => {
  it('is Date.parse for every instant as toISOString writes it', () => {
    const instant = fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }).map((ms) => new Date(ms).toISOString());
    fc.assert(fc.property(instant, (text) => utcMillis(text) === Date.parse(text)), { numRuns: 2000 });
  });

  it('is Date.parse for any string of that shape, valid or not', () => {
    const shaped = fc.array(fc.constantFrom(...'0123456789 +-:.TZa'), { minLength: 24, maxLength: 24 }).map((chars) => {
      // Keep the punctuation most of the time, so the fields themselves get tried.
      const text = chars.join('');
      return `${text.slice(0, 4)}-${text.slice(5, 7)}-${text.slice(8, 10)}T${text.slice(11, 13)}:${text.slice(14, 16)}:${text.slice(17, 19)}.${text.slice(20, 23)}Z`;
    });
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    const fields = fc.tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3)).map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    const same = (text: string) => Object.is(utcMillis(text), Date.parse(text));
    fc.assert(fc.property(fc.oneof(shaped, fields), same), { numRuns: 5000 });
    for (const text of ['2025-02-30T00:00:00.000Z', '2025-04-31T12:00:00.000Z', '2025-13-01T00:00:00.000Z', '2025-01-01T24:00:00.000Z', '0099-01-01T00:00:00.000Z', '2026-03-16T23:30:00+07:00', '2026-03-02T02:00:00Z', '', 'x']) expect(same(text), text).toBe(true);
  });
});
