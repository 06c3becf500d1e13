// Stored credentials, tokens, keys and content hashes were all made with createHash: the one-shot
// form must give the same hex for any text, or every stored one would stop matching.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/util/sha256-hex';

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

describe('sha256Hex', () => {
  it('gives the hex of SHA-256 over the UTF-8 text, as createHash did', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: anyCodeUnit }), fc.string({ unit: 'binary' })), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
      }),
      { numRuns: 1000 },
    );
  });
});
