import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShortCode, normaliseShortCode, shortCodeFromBytes } from '../../server/invitations/short-code';

describe('short codes', () => {
  it('are twelve digits from any bytes, printed in groups of four', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 32 }), (bytes) => {
        const code = shortCodeFromBytes(bytes);
        expect(code).toMatch(/^\d{12}$/);
        expect(formatShortCode(code)).toMatch(/^\d{4} \d{4} \d{4}$/);
      }),
    );
  });

  it('read back however they are typed: spaces, dashes, dots, full-width digits', () => {
    const separator = fc.constantFrom('', ' ', '-', '.', '  ', ' - ', '–', '\t');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.array(separator, { minLength: 13, maxLength: 13 }), fc.boolean(), (code, seps, wide) => {
        let typed = [...code].map((d, i) => seps[i] + d).join('') + seps[12];
        if (wide) typed = typed.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(normaliseShortCode(typed)).toBe(code);
      }),
    );
  });

  it('turn anything else into null, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const code = normaliseShortCode(typed);
        expect(code === null || /^\d{12}$/.test(code)).toBe(true);
      }),
    );
    expect(normaliseShortCode('1234 5678 901')).toBeNull();
    expect(normaliseShortCode('1234 5678 90123')).toBeNull();
    expect(normaliseShortCode('1234 5678 90I2')).toBeNull();
  });
});
