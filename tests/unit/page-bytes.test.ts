// An export's page is encoded line by line into a buffer that grows (page-bytes.ts): its bytes must
// be the UTF-8 of the lines joined, whatever their length and characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageBytes } from '../../server/exports/page-bytes';

describe('PageBytes', () => {
  it('gives the UTF-8 of each page\'s lines, however long, page after page', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'ệ', '😀', '\ud800', '\r\n', ','), maxLength: 300 });
    fc.assert(fc.property(fc.array(fc.array(line, { maxLength: 30 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 64 }), (pages, capacity) => {
      const bytes = new PageBytes(capacity);
      for (const lines of pages) {
        for (const text of lines) bytes.add(text);
        expect(Buffer.from(bytes.take()).equals(Buffer.from(new TextEncoder().encode(lines.join(''))))).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
