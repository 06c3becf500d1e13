import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWithBootData, scriptSafeJson } from '../../server/pages/page-html';

describe('scriptSafeJson', () => {
  it('cannot end the script element it is in, and reads back the same', () => {
    const data = { name: '</script><script>alert(1)</script><!--', sep: '\u2028\u2029' };
    const text = scriptSafeJson(data);
    expect(text).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('pageWithBootData', () => {
  it("puts a unit named with $' or $& into the page as it is, once", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-page-'));
    try {
      const path = join(dir, 'page.html');
      writeFileSync(path, '<!doctype html><html><head><title>t</title></head><body><main>page</main></body></html>');
      const data = { unit: "Phường $' $& $` $$ $1" };
      const { html } = pageWithBootData(path, data);
      const boot = /<script type="application\/json" id="sipas-boot">([\s\S]*?)<\/script>/.exec(html);
      expect(JSON.parse(boot![1]!)).toEqual(data);
      expect(html.match(/<main>page<\/main>/g)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
