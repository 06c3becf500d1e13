// `npm start` runs the server from a build: this bundles server/main.ts (and what it imports from
// this project) into a folder under server/.build/ with Vite, leaving the packages in node_modules
// as imports. The serving process then runs on plain node, without a TypeScript loader: under tsx
// a server that had served its pages held about 50 MB more (tests/bench/NOTES.md).
// Run as a script by start.mjs (`node --import tsx server/build-server.ts OUT_DIR`), it also
// builds the pages when they are stale.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensurePagesBuilt } from './build-pages';
import { projectRoot } from './paths';

/**
 * Bundles entry files (paths from the project root, by output name) into `outDir`, which must lie
 * inside the project: the bundle finds the project's folders and packages from where it lies.
 */
export async function bundleServer(outDir: string, entries: Record<string, string>): Promise<void> {
  if (relative(projectRoot, outDir).startsWith('..')) throw new Error(`${outDir} is outside the project`);
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      // Inside the project (checked above), so Vite empties it.
      emptyOutDir: true,
      target: 'node20',
      // Unminified: a stack trace from the running server still names our functions.
      minify: false,
      copyPublicDir: false,
      // What the sources import lazily (the Excel writers, and exceljs with them) gets chunks of its
      // own, loaded on first use as under tsx.
      rollupOptions: { input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(projectRoot, file)])) },
    },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensurePagesBuilt();
  await bundleServer(process.argv[2]!, { main: 'server/main.ts', 'fold-thread': 'server/tallies/fold-thread.ts' });
}
