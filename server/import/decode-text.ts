// The bytes of a text file an office saved, turned into text without losing a letter. Excel on
// Vietnamese Windows writes "CSV UTF-8" (with a BOM), "Unicode text" (UTF-16 LE with a BOM, tab
// separated) or plain "CSV" in the ANSI code page, Windows-1258, whose tone marks are separate
// combining characters. A file that is none of these is refused with the line of the first byte
// that cannot be read, never turned into U+FFFD.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export class UndecodableText extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const lineOfByte = (bytes: Uint8Array, at: number) => 1 + bytes.subarray(0, at).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Found below, sequence by sequence (only for a file that is not UTF-8).
  }
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return -1;
}

/** Control characters other than tab and line breaks: what a wrong guess of encoding produces. */
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

function refuseStrayControls(text: string, encoding: TextEncoding): void {
  const at = text.search(STRAY_CONTROL);
  if (at < 0) return;
  const line = 1 + (text.slice(0, at).match(/\n/g)?.length ?? 0);
  const code = text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
  throw new UndecodableText(line, `read as ${encoding}, the file holds the control character U+${code}: save it again as "CSV UTF-8" or as an Excel workbook`);
}

/**
 * The text of the file, NFC-normalised (Windows-1258's separate tone marks and text typed on
 * different keyboards compare equal to what the server stores). Throws UndecodableText.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncoding;
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const bad = firstInvalidUtf8(bytes.subarray(3));
    if (bad >= 0) throw new UndecodableText(lineOfByte(bytes, bad + 3), 'the file says it is UTF-8 but holds bytes that are not');
    encoding = 'utf-8';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new UndecodableText(1, `the file says it is ${encoding.toUpperCase()} but is cut short or holds a broken character`);
    }
  } else if (firstInvalidUtf8(bytes) < 0) {
    encoding = 'utf-8';
    text = new TextDecoder('utf-8').decode(bytes);
  } else {
    // Not UTF-8: Vietnamese Windows' ANSI code page is the one other encoding Excel writes here.
    encoding = 'windows-1258';
    text = new TextDecoder('windows-1258').decode(bytes);
  }
  refuseStrayControls(text, encoding);
  return { text: text.normalize('NFC'), encoding };
}
