import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { themeLexicon } from '../../server/themes/lexicon-schema';
import { foldTones, normaliseText } from '../../server/themes/normalise-text';
import { withinOneEdit } from '../../server/themes/one-edit';
import { shippedLexicon } from '../../server/themes/shipped-lexicon';
import { compileLexicon, tagText } from '../../server/themes/tag-text';

const lexicon = compileLexicon(shippedLexicon());
const tag = (text: string) => tagText(lexicon, text);

describe('Vietnamese normalisation', () => {
  it('makes "thai do", "thái độ" and "THÁI ĐỘ" agree once tones are folded, in any Unicode form', () => {
    for (const text of ['thai do', 'thái độ', 'THÁI ĐỘ', 'Thái Độ'.normalize('NFD'), '  thái,   độ! ']) expect(foldTones(text)).toBe('thai do');
    expect(normaliseText('THÁI ĐỘ'.normalize('NFD'))).toBe('thái độ');
  });

  it('tells one-letter typos from more', () => {
    expect(withinOneEdit('huong', 'huonh')).toBe(true); // substitution
    expect(withinOneEdit('nhiet', 'nhiett')).toBe(true); // insertion
    expect(withinOneEdit('nhiet', 'nhet')).toBe(true); // deletion
    expect(withinOneEdit('nhiệt', 'nhệit')).toBe(true); // two neighbours swapped
    expect(withinOneEdit('nhiet', 'nheit')).toBe(true);
    expect(withinOneEdit('nhiet', 'nhtie')).toBe(false);
    expect(withinOneEdit('abcde', 'axcdy')).toBe(false);
  });
});

describe('tagging hand-written texts', () => {
  const cases: [string, string[]][] = [
    ['Phải chờ đợi quá lâu mới đến lượt, xếp hàng từ sáng', ['waiting']],
    ['phai cho doi qua lau, XEP HANG tu sang', ['waiting']],
    ['Cán bộ có THÁI ĐỘ cáu gắt với người dân', ['attitude']],
    ['can bo co thai do khong ton trong nguoi dan', ['attitude']],
    ['Giấy tờ rườm rà, phải bổ sung hồ sơ nhiều lần', ['documents']],
    ['Bị gợi ý đưa tiền bồi dưỡng ngoài quy định', ['informal_fees']],
    ['Hồ sơ bị trễ hẹn hai tuần', ['documents', 'handling_time']],
    ['Phòng chờ thiếu ghế, nóng bức, nhà vệ sinh bẩn', ['facilities']],
    ['Nộp qua mạng trên cổng dịch vụ công bị lỗi hệ thống', ['online']],
    ['Cần niêm yết công khai và hướng dẫn rõ hơn', ['guidance']],
    ['Cán bộ rất nhiệt tình và chu đáo, cảm ơn!', ['praise']],
    ['Mọi thứ bình thường', []],
    ['', []],
  ];
  it.each(cases)('%s', (text, themes) => expect(tag(text)).toEqual(themes));

  it('allows one typo where the lexicon says so, in a word of five letters or more', () => {
    expect(tag('Cán bộ rất nhiệt tìnhh')).toEqual([]); // "tình" has four letters: no typo allowed there
    expect(tag('Cán bộ rất nhiêt tình')).toEqual(['praise']); // a mark missing counts as found, tones are folded
    expect(tag('Cán bộ rất nhieet tinh')).toEqual(['praise']); // one extra letter in "nhiệt"
    expect(tag('can bo rat nhiet tinh')).toEqual(['praise']);
    expect(tag('Được HUỚNG DẪN tận tình')).toEqual(['guidance', 'praise']); // ướ typed as uớ: folded away
    expect(tag('Được hưogn dẫn')).toEqual(['guidance']); // two letters swapped in "hướng"
    expect(tag('Phải xếp hnag cả buổi')).toEqual([]); // "hàng" has four letters: too short for a typo
  });

  it('never allows a typo where the lexicon does not', () => {
    expect(tag('nop qua manh')).toEqual([]); // "qua mạng" allows none
    expect(tag('hướng dẫn')).toEqual(['guidance']);
    expect(tag('hướngg dẫnn')).toEqual([]); // one typo per phrase at most
  });

  it('matches whole words only, and tone marks where the lexicon asks for them', () => {
    expect(tag('ghé qua hỏi thăm')).toEqual([]); // "ghế" (a seat) must keep its mark
    expect(tag('thiếu ghế')).toEqual(['facilities']);
    expect(tag('thaido')).toEqual([]);
  });
});

describe('properties', () => {
  const vietnamese = fc.constantFrom(...'aáàảãạăắằẳẵặâấầẩẫậđeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵ AĐÊƠ,.!?-\u0301 0123456789'.split(''));
  const text = fc.oneof(fc.string(), fc.array(vietnamese).map((a) => a.join('')));

  it('normalisation is idempotent, with or without tones', () => {
    fc.assert(fc.property(text, (t) => normaliseText(normaliseText(t)) === normaliseText(t) && foldTones(foldTones(t)) === foldTones(t)), { numRuns: 2000 });
  });

  const plainPhrases = shippedLexicon().themes.flatMap((theme) =>
    theme.phrases.filter((p) => typeof p === 'string' || p.tones !== 'exact').map((p) => ({ theme: theme.id, text: typeof p === 'string' ? p : p.text })),
  );
  const word = fc.array(vietnamese.filter((c) => /\p{L}/u.test(c)), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));

  it('a tone-insensitive phrase is found in any casing and marking of a text that contains it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...plainPhrases), fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 4 }), fc.array(fc.constantFrom('keep', 'upper', 'fold', 'nfd')), (phrase, before, after, moves) => {
        const whole = [...before, phrase.text, ...after].join(' ');
        const variant = [...whole]
          .map((ch, i) => {
            const move = moves.length ? moves[i % moves.length] : 'keep';
            return move === 'upper' ? ch.toUpperCase() : move === 'fold' ? foldTones(ch) || ch : move === 'nfd' ? ch.normalize('NFD') : ch;
          })
          .join('');
        return tag(variant).includes(phrase.theme);
      }),
      { numRuns: 1000 },
    );
  });

  it('the shipped lexicon is valid', () => {
    expect(themeLexicon.safeParse(shippedLexicon()).success).toBe(true);
  });
});
