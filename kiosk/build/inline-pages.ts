// Vite plugin: the kiosk and the phone page each built on their own as one script and one
// stylesheet, both written into the HTML. With 400 ms of latency, a second round trip for
// /assets/* cost a fifth of the wait for the first question; now the page is the only request
// before it. The server allows exactly these inline elements by their sha256 in the CSP
// (server/pages/page-html.ts), never 'unsafe-inline'. Their lazy screens are bundled in too: a
// lazy chunk imports from the page's entry, which an inline script cannot be imported as.
import { build, type Plugin, type Rollup } from 'vite';

/** What a page's script or stylesheet must not contain to stay inside its element. */
const BREAKS_ELEMENT = /<\/script|<!--|<script|<\/style/i;

function inlineElement(tag: 'script' | 'style', file: string, text: string): string {
  if (BREAKS_ELEMENT.test(text)) throw new Error(`inline-pages: ${file} contains markup that would end its <${tag}>; keep it a file`);
  return tag === 'script' ? `<script type="module">${text}</script>` : `<style>${text}</style>`;
}

/** One page (its HTML file under `root`) built alone, its own files put into its HTML. */
async function inlinedPage(root: string, html: string, plugins: Plugin[]): Promise<{ html: string; others: Rollup.OutputAsset[] }> {
  const result = await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
    plugins,
    build: {
      write: false,
      target: 'es2020',
      modulePreload: { polyfill: false },
      rollupOptions: { input: { page: `${root}/${html}` }, output: { codeSplitting: false } },
    },
  });
  const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
  const page = output.find((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName === html);
  if (!page) throw new Error(`inline-pages: ${html} was not built`);
  const byPath = new Map(output.map((f) => [`/${f.fileName}`, f]));
  const used = new Set<string>();
  const source = String(page.source)
    .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_tag, src: string) => {
      const chunk = byPath.get(src);
      if (chunk?.type !== 'chunk') throw new Error(`inline-pages: ${src} is not a chunk of ${html}`);
      used.add(src);
      return inlineElement('script', src, chunk.code);
    })
    .replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_tag, href: string) => {
      const sheet = byPath.get(href);
      if (sheet?.type !== 'asset') throw new Error(`inline-pages: ${href} is not a stylesheet of ${html}`);
      used.add(href);
      return inlineElement('style', href, String(sheet.source));
    });
  if (/(?:src|href)="\/assets\/[^"]+\.(?:js|css)"/.test(source)) throw new Error(`inline-pages: ${html} still loads a script or stylesheet`);
  const leftover = output.filter((f) => f !== page && !used.has(`/${f.fileName}`));
  if (leftover.some((f) => f.type === 'chunk')) throw new Error(`inline-pages: ${html} has more than one chunk`);
  return { html: source, others: leftover as Rollup.OutputAsset[] };
}

/**
 * Builds `pages` (HTML files under `root`, left out of the main build's input) alone and emits
 * them with their script and stylesheet inline; `plugins` are those that shape a page's HTML.
 */
export function inlinePages(root: string, pages: string[], plugins: () => Plugin[]): Plugin {
  return {
    name: 'sipas-inline-pages',
    apply: 'build',
    enforce: 'post',
    async generateBundle() {
      for (const html of pages) {
        const page = await inlinedPage(root, html, plugins());
        this.emitFile({ type: 'asset', fileName: html, source: page.html });
        // Anything else the page refers to (an image, a font) is written beside the other files.
        for (const other of page.others) this.emitFile({ type: 'asset', fileName: other.fileName, source: other.source });
      }
    },
  };
}
