// Vite plugin: the staff page's HTML links the files of the tab every role opens first (the
// scores). Left to the bundler, that tab's chunks and stylesheet were asked for only once the
// session was checked and the frame drawn, and Vite's preload helper then added their <link>s
// from script: on an office PC at 4× slower CPU, about 37 ms of a long task in the effects that
// open the tab (tests/bench/NOTES.md). From the HTML, the browser fetches them while the page's
// own script loads, and the helper finds them already linked and adds nothing.
import type { Plugin, Rolldown } from 'vite';

/** Every file `entry`'s chunk needs before it runs: its own, its imports' (recursively), their CSS. */
function filesOfChunk(bundle: Rolldown.OutputBundle, entry: Rolldown.OutputChunk): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (scripts.includes(fileName) || chunk?.type !== 'chunk') return;
    scripts.push(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    chunk.imports.forEach(visit);
  };
  visit(entry.fileName);
  return { scripts, styles: [...styles] };
}

/** Adds to `page` the links to the files of the chunk built from `module` (a path under kiosk/). */
export function firstTabLinks(page: string, module: string): Plugin {
  return {
    name: 'sipas-first-tab-links',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith(page) || !ctx.bundle) return;
        const entry = Object.values(ctx.bundle).find((c): c is Rolldown.OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith(module));
        if (!entry) throw new Error(`${page}: no chunk was built from ${module}`);
        const { scripts, styles } = filesOfChunk(ctx.bundle, entry);
        // The page already links its own entry's files (vendor, the shared stylesheet).
        const unlinked = (file: string) => !html.includes(`/${file}"`);
        const link = (rel: string) => (file: string) => ({ tag: 'link', attrs: { rel, crossorigin: true, href: `/${file}` }, injectTo: 'head' as const });
        return [...scripts.filter(unlinked).map(link('modulepreload')), ...styles.filter(unlinked).map(link('stylesheet'))];
      },
    },
  };
}
