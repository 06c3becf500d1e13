// Vietnamese-aware text normalisation for theme matching. Pure: the same text in any Unicode
// form, letter case or (optionally) without its tone and vowel marks gives the same words.

/** NFC, lower case, anything but letters, digits and marks turned into single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** As normaliseText, then every mark stripped and đ read as d: "THÁI ĐỘ" and "thai do" agree. */
export function foldTones(text: string): string {
  return normaliseText(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalised text. */
export function wordsOf(normalised: string): string[] {
  return normalised ? normalised.split(' ') : [];
}
