// Asks the kiosk's service worker (kiosk/src/sw/kiosk-sw.ts) to keep these files on the tablet:
// the questionnaire the server names for this kiosk may be any, so the worker cannot know it when
// it is installed. Without a worker (plain HTTP, or not installed yet) nothing happens; the
// worker's own fetch handler also keeps each questionnaire fetched through it.
export function keepOffline(paths: string[]): void {
  const workers = navigator.serviceWorker;
  if (!workers) return;
  void workers.ready.then((registration) => registration.active?.postMessage({ kind: 'keep', paths })).catch(() => undefined);
}
