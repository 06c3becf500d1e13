import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from '../../server/pages/page-html';

describe('scriptSafeJson', () => {
  it('cannot end the script element it is in, and reads back the same', () => {
    const data = { name: '</script><script>alert(1)</script><!--', sep: '\u2028\u2029' };
    const text = scriptSafeJson(data);
    expect(text).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
