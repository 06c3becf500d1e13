import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../server/feedback/redact-text';

describe('redacting published text', () => {
  it('removes the phrases staff chose, in any letter case, longest first', () => {
    expect(redactText('Ông Nguyễn Văn An ở thôn Pò Mã phản ánh', ['nguyễn văn an', 'Văn'])).toBe('Ông […] ở thôn Pò Mã phản ánh');
    expect(redactText('Đường ĐÔNG, đường đông', ['đường đông'])).toBe('[…], […]');
  });

  it('matches text typed in decomposed Unicode', () => {
    const decomposed = 'Hoàng Thị Lan'.normalize('NFD');
    expect(redactText(`Cán bộ ${decomposed} rất tận tình`, ['Hoàng Thị Lan'])).toBe('Cán bộ […] rất tận tình');
  });

  it('treats phrases as text, not patterns', () => {
    expect(redactText('phí (a+b) là 50.000đ', ['(a+b)'])).toBe('phí […] là 50.000đ');
    expect(redactText('abc', ['.*'])).toBe('abc');
  });

  it('always removes e-mail addresses and Vietnamese phone numbers, but not amounts or dates', () => {
    const text = 'Gọi 0912 345 678 hoặc +84 912.345.678, thư an.nguyen@example.vn. Lệ phí 10.000.000 đồng, ngày 12/03/2026, hồ sơ 000.12.34.H12';
    expect(redactText(text, [])).toBe('Gọi […] hoặc […], thư […]. Lệ phí 10.000.000 đồng, ngày 12/03/2026, hồ sơ 000.12.34.H12');
  });

  it('removes phone numbers written the Vietnamese ways, in full-width digits too, and full-width ＠ addresses', () => {
    expect(redactText('Gọi (+84) 912 345 678 hoặc (024) 3823 4567 nhé', [])).toBe('Gọi […] hoặc […] nhé');
    expect(redactText('SĐT ０９１２ ３４５ ６７８, 84912345678 và 0912-345-678', [])).toBe('SĐT […], […] và […]');
    expect(redactText('hai số 0912345678 0987654321 liền nhau', [])).toBe('hai số […] […] liền nhau');
    expect(redactText('thư lan＠example．vn hoặc lan @ example.vn', [])).toBe('thư […] hoặc […]');
  });

  it('never lets the digits of a Vietnamese phone number through, however it is spaced or typed', () => {
    const fullWidth = (d: string) => String.fromCharCode(0xff10 + Number(d));
    const phone = fc.record({
      prefix: fc.constantFrom('0', '+84', '84', '(+84)', '(0', '＋84'),
      digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.map(String)),
      separators: fc.array(fc.constantFrom('', '', ' ', '.', '-', ' . '), { minLength: 9, maxLength: 9 }),
      wide: fc.boolean(),
    });
    fc.assert(
      fc.property(phone, fc.string({ maxLength: 20 }).map((s) => s.replace(/[\p{Nd}]/gu, '')), ({ prefix, digits, separators, wide }, around) => {
        const close = prefix.startsWith('(') ? ') ' : ' ';
        const body = digits.map((d, i) => separators[i] + (wide ? fullWidth(d) : d)).join('');
        const text = `${around} ${prefix}${close}${body} ${around}`;
        const out = redactText(text, []);
        const left = out.replace(/[^\p{Nd}]/gu, '');
        expect(left, `${text} → ${out}`).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps text without anything to remove as it was', () => {
    expect(redactText('Nên có thêm ghế chờ.', ['', '  '])).toBe('Nên có thêm ghế chờ.');
  });
});
