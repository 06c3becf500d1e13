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

  it('keeps text without anything to remove as it was', () => {
    expect(redactText('Nên có thêm ghế chờ.', ['', '  '])).toBe('Nên có thêm ghế chờ.');
  });
});
