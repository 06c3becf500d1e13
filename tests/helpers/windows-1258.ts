// Text as plain "CSV" on Vietnamese Windows saves it: Windows-1258, where a few vowels are
// precomposed (â, ê, ô, ơ, ư, ă, đ …) and the five tone marks are separate combining bytes. Node
// decodes this code page but cannot encode it, so the tests build the table from the decoder.
const decoder = new TextDecoder('windows-1258');
const byteOf = new Map<string, number>();
for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** The bytes Excel would write for this text; throws for a character the code page lacks. */
export function encodeWindows1258(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // A toned vowel: the letter with its shape marks (â, ơ, ư …) precomposed, then the tone mark.
    const marks = [...ch.normalize('NFD')];
    const tones = marks.filter((m) => TONES.has(m));
    const letter = marks.filter((m) => !TONES.has(m)).join('').normalize('NFC');
    if (!byteOf.has(letter) || tones.some((m) => !byteOf.has(m))) throw new Error(`Windows-1258 cannot hold "${ch}"`);
    out.push(byteOf.get(letter)!, ...tones.map((m) => byteOf.get(m)!));
  }
  return Buffer.from(out);
}
