import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, UndecodableText } from '../../server/import/decode-text';
import { encodeWindows1258 } from '../helpers/windows-1258';

const VIETNAMESE = 'Nên bố trí thêm ghế chờ; cán bộ Nguyễn Thị Ửng rất nhiệt tình, thủ tục nhanh gọn. Đúng hẹn!';
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text).swap16());

describe('decodeText', () => {
  it('reads every way Excel on Vietnamese Windows saves text, letter for letter', () => {
    const utf8 = Buffer.from(VIETNAMESE, 'utf8');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text: VIETNAMESE, encoding: 'utf-8' });
    expect(decodeText(utf8)).toEqual({ text: VIETNAMESE, encoding: 'utf-8' });
    expect(decodeText(utf16le(VIETNAMESE))).toEqual({ text: VIETNAMESE, encoding: 'utf-16le' });
    expect(decodeText(utf16be(VIETNAMESE))).toEqual({ text: VIETNAMESE, encoding: 'utf-16be' });
    // Windows-1258 writes "ữ" as ư + a combining tilde: stored composed, as typed on a phone.
    const ansi = encodeWindows1258(VIETNAMESE);
    expect(ansi.length).toBeGreaterThan(VIETNAMESE.length);
    expect(decodeText(ansi)).toEqual({ text: VIETNAMESE, encoding: 'windows-1258' });
  });

  it('stores decomposed UTF-8 composed (NFC)', () => {
    expect(decodeText(Buffer.from('Nữ'.normalize('NFD'), 'utf8')).text).toBe('Nữ');
  });

  it('refuses bytes no encoding it knows can hold, naming the line', () => {
    // 0x81 is a C1 control in Windows-1258: neither UTF-8 nor Vietnamese text.
    const bad = Buffer.concat([Buffer.from('unit,submitted_at\nMC,2026-03-02\nMC,'), Buffer.from([0x81]), Buffer.from('x\n')]);
    expect(() => decodeText(bad)).toThrow(UndecodableText);
    expect(() => decodeText(bad)).toThrow(/^line 3: read as windows-1258, the file holds the control character U\+0081/);
    // A BOM that promises UTF-8 and a byte that breaks the promise.
    const broken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\nb\n'), Buffer.from([0xc3, 0x28])]);
    expect(() => decodeText(broken)).toThrow(/^line 3: the file says it is UTF-8/);
    // UTF-16 cut in the middle of a character.
    expect(() => decodeText(Buffer.concat([utf16le('ab'), Buffer.from([0x41])]))).toThrow(/UTF-16LE/);
  });

  it('gives back any Vietnamese text, NFC, from each of its encodings', () => {
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ .,;-0123456789'];
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const vowels = new Set([...'aăâeêioôơuưyAĂÂÊÔƠƯ']);
    const syllable = fc.tuple(fc.constantFrom(...letters), fc.constantFrom(...tones)).map(([l, t]) => (vowels.has(l) ? l + t : l).normalize('NFC'));
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const bytes of [Buffer.from(text, 'utf8'), utf16le(text), utf16be(text), encodeWindows1258(text)]) expect(decodeText(bytes).text).toBe(text);
      }),
    );
  });
});
