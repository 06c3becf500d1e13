// How the pages' start-up code is split into files. Left to itself the bundler makes one chunk per
// combination of pages sharing a module (nine files before the kiosk's first question); on a
// tablet's slow line each file costs its headers and, past the browser's six connections per
// server, another round trip. Here: `vendor` (what the staff page shares with a citizen page: Preact,
// the bundler's helpers), `citizen` (what the citizen pages share: strings, components, the
// questionnaire logic), and each page's own entry. Lazy tabs and screens keep chunks of their own.
// The kiosk and the phone page are no longer in this build (inline-pages.ts builds each alone), so
// today `citizen` stays empty; it comes back if another citizen page joins the feedback page.
import { resolve } from 'node:path';

interface ModuleInfo {
  importedIds: readonly string[];
}
type ModuleInfoOf = (id: string) => ModuleInfo | null;

const STAFF = 'staff';
const CITIZEN_PAGES = ['kiosk', 'phone', 'feedback'];

/** The `output.codeSplitting.groups` for the pages under `root` (kiosk/). */
export function pageChunkGroups(root: string) {
  const entries = [STAFF, ...CITIZEN_PAGES].map((page) => ({ page, id: resolve(root, 'src', page, 'main.tsx') }));
  let pagesOf: Map<string, Set<string>> | null = null;
  /** Which pages import each module at start (statically, from their main.tsx), worked out once per build. */
  const pagesOfModule = (id: string, info: ModuleInfoOf) => {
    if (!pagesOf) {
      pagesOf = new Map();
      for (const entry of entries) {
        const stack = [entry.id];
        const seen = new Set<string>();
        while (stack.length) {
          const current = stack.pop()!;
          if (seen.has(current)) continue;
          seen.add(current);
          if (!pagesOf.has(current)) pagesOf.set(current, new Set());
          pagesOf.get(current)!.add(entry.page);
          stack.push(...(info(current)?.importedIds ?? []));
        }
      }
    }
    return pagesOf.get(id) ?? new Set<string>();
  };
  const name = (id: string, ctx: { getModuleInfo: ModuleInfoOf }) => {
    // Imported by every page's HTML rather than by its code.
    if (id.includes('modulepreload-polyfill')) return 'vendor';
    const pages = pagesOfModule(id, (m) => ctx.getModuleInfo(m));
    const citizen = CITIZEN_PAGES.filter((p) => pages.has(p)).length;
    if (pages.has(STAFF)) return citizen > 0 ? 'vendor' : null;
    return citizen > 1 ? 'citizen' : null;
  };
  // Each module in its own group's chunk, not pulled into the chunk of a module that imports it.
  return [{ name, debugName: 'pages', tags: ['$initial' as const], includeDependenciesRecursively: false }];
}
