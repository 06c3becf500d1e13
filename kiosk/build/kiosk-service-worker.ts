// Builds the kiosk's service worker beside the pages: strips the types from kiosk/src/sw/kiosk-sw.ts
// and fills in the files of the kiosk page (read from the built kiosk.html) and a version that
// changes whenever the page, its files or the worker change, so tablets install each new build whole.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const SOURCE = resolve(import.meta.dirname, '../src/sw/kiosk-sw.ts');

export function kioskServiceWorker(): Plugin {
  return {
    name: 'sipas-kiosk-service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const page = bundle['kiosk.html'];
      if (!page || page.type !== 'asset') throw new Error('kiosk-service-worker: kiosk.html is not in the bundle');
      const shell = [...new Set([...String(page.source).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!))];
      const source = await readFile(SOURCE, 'utf8');
      // The page itself too: its script and stylesheet are inside it (inline-pages.ts).
      const version = createHash('sha256').update(String(page.source)).update(JSON.stringify(shell)).update(source).digest('hex').slice(0, 12);
      const { code } = await transformWithOxc(source, SOURCE, { lang: 'ts' });
      const filled = code.replace(/\b__KIOSK_SHELL__\b/g, JSON.stringify(shell)).replace(/\b__KIOSK_VERSION__\b/g, JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'kiosk-sw.js', source: filled });
    },
  };
}
