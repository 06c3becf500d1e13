// The kiosk's service worker, hand-written: about a hundred lines do what the kiosk needs, where
// workbox would add its runtime and a build plugin. It keeps the page with its scripts (one cache
// per build, installed whole), the questionnaires and the languages on the tablet, so the kiosk
// starts and works with no network. Answers are queued by the page itself (IndexedDB).
// Built by kiosk/build/kiosk-service-worker.ts, which fills in the two constants below.
declare const __KIOSK_SHELL__: string[];
declare const __KIOSK_VERSION__: string;

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const worker = self as unknown as WorkerScope;

const SHELL_PREFIX = 'sipas-kiosk-shell-';
const SHELL_CACHE = SHELL_PREFIX + __KIOSK_VERSION__;
const DATA_CACHE = 'sipas-kiosk-data';
const PAGE = '/kiosk';
/** Kept at install; the questionnaire the server names for the kiosk is kept when the page asks (below). */
const DATA = ['/api/surveys/counter-quick', '/api/surveys/sipas-2017', '/locales/index.json'];
/** What the page may ask to keep: questionnaires, nothing else of the API. */
const KEEPABLE = /^\/api\/surveys\/[a-z][a-z0-9-]{0,47}$/;
/** On a slow line, a cached copy now beats a fresh one much later. */
const NETWORK_WAIT_MS = 4000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(SHELL_CACHE)).addAll([PAGE, ...__KIOSK_SHELL__]);
      const data = await caches.open(DATA_CACHE);
      await data.addAll(DATA);
      const languages = (await (await data.match('/locales/index.json'))!.json()) as { code: string }[];
      await data.addAll(languages.map((l) => `/locales/${encodeURIComponent(l.code)}.json`));
      await worker.skipWaiting();
    })(),
  );
});

// The page names the questionnaire its device setting asks (kiosk/src/kiosk/keep-offline.ts): it
// is fetched and kept, so the kiosk starts with it even when the network is gone.
worker.addEventListener('message', (event) => {
  const data = event.data as { kind?: unknown; paths?: unknown } | null;
  if (data?.kind !== 'keep' || !Array.isArray(data.paths)) return;
  const paths = data.paths.filter((p): p is string => typeof p === 'string' && KEEPABLE.test(p));
  if (paths.length) event.waitUntil(caches.open(DATA_CACHE).then((cache) => cache.addAll(paths)).catch(() => undefined));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  // The page is never replaced in the cache from the network: it must match the scripts cached with it.
  if (request.mode === 'navigate' && url.pathname === PAGE) event.respondWith(networkFirst(request, () => caches.match(PAGE, { cacheName: SHELL_CACHE })));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/api/surveys/') || url.pathname.startsWith('/locales/')) {
    event.respondWith(networkFirst(request, () => caches.match(request, { cacheName: DATA_CACHE }), DATA_CACHE));
  }
});

/** Content-hashed files never change: the cached copy is the right one. */
async function cacheFirst(request: Request): Promise<Response> {
  return (await caches.match(request)) ?? fetch(request);
}

/**
 * The network's answer when it comes in time and is not a server error (then kept in `store`);
 * otherwise the cached copy; with no cached copy, whatever the network eventually says.
 */
async function networkFirst(request: Request, cached: () => Promise<Response | undefined>, store?: string): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    if (store && response.ok) await (await caches.open(store)).put(request, response.clone());
    return response;
  });
  network.catch(() => undefined); // answered from the cache meanwhile: a late failure is no error
  const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow' && first.status < 500) return first;
    return (await cached()) ?? (await network);
  } catch {
    return (await cached()) ?? Response.error();
  }
}
