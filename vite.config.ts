import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { appIconLinks, appManifest } from './kiosk/build/app-manifest.ts';
import { pageChunkGroups } from './kiosk/build/chunk-groups.ts';
import { firstTabLinks } from './kiosk/build/first-tab-links.ts';
import { inlinePages } from './kiosk/build/inline-pages.ts';
import { kioskServiceWorker } from './kiosk/build/kiosk-service-worker.ts';

const root = resolve(import.meta.dirname, 'kiosk');


// One config for the pages (Vite) and the tests (Vitest).
export default defineConfig({
  root,
  publicDir: resolve(root, 'public'),
  // Production JSX even when a test run (NODE_ENV=test) builds the pages: otherwise every element
  // carried its file name and line, and the benchmarks, which reuse that build, weighed it.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  // Locale files as JSON.parse('…') rather than object literals: the staff strings (77 KB) were
  // most of the staff page's start-up chunk, and V8 reads a JSON string faster than a literal.
  json: { stringify: true },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // Every browser the pages serve links modules ahead without help; the polyfill only cost
    // the staff page's start-up task (tests/bench/NOTES.md). A browser without `modulepreload`
    // ignores the links and loads each module when it is imported.
    modulePreload: { polyfill: false },
    // One HTML file per page people use; each loads only its own chunks. The kiosk and the phone
    // page are built apart, their script and stylesheet inside the HTML (inline-pages.ts).
    rollupOptions: {
      input: {
        staff: resolve(root, 'staff.html'),
        feedback: resolve(root, 'feedback.html'),
      },
      // Few files at start, not one per combination of pages sharing a module (see chunk-groups.ts).
      output: { codeSplitting: { groups: pageChunkGroups(root) } },
    },
  },
  plugins: [
    appIconLinks(),
    firstTabLinks('staff.html', '/src/staff/scores/ScoresTab.tsx'),
    appManifest(),
    // Before the service worker, which reads the kiosk page it emits.
    inlinePages(root, ['kiosk.html', 'phone.html'], () => [appIconLinks()]),
    kioskServiceWorker(),
    // Precompressed copies let slow tablets download less; the server sends them when accepted.
    {
      name: 'sipas-precompress',
      apply: 'build',
      async writeBundle(options) {
        const { precompress } = await import('./kiosk/build/precompress.ts');
        await precompress(options.dir!);
      },
    },
  ],
  server: {
    proxy: { '/api': 'http://localhost:8787', '/healthz': 'http://localhost:8787' },
  },
  test: {
    root: import.meta.dirname,
    // expect.poll() waits for a state the page or server reaches (a figure redrawn, a row
    // written); its default of one second was a duration, and on a busy 2-core machine a
    // redraw after a click was seen to take longer (tests/e2e/themes-panel.test.ts). The
    // polls resolve as soon as the state is reached; this only bounds a wait that never ends.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      // Property tests run hundreds of cases; on a busy 2-core machine 5 s (Vitest's default) was
      // seen to run out. A timeout here only guards against a hang; no test asserts on time.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        // The pages are served too (and fuzzed), so they are built first.
        test: { name: 'http', include: ['tests/http/**/*.test.ts'], globalSetup: ['tests/helpers/build-pages-once.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-pages-once.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Each file starts servers and loads them; one at a time keeps two cores honest.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-pages-once.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two cores: browsers side by side would only slow each other down.
          fileParallelism: false,
        },
      },
    ],
  },
});
