/**
 * Installs the kiosk's service worker (kiosk/src/sw/kiosk-sw.ts), which keeps the page, its
 * questionnaires and languages on the tablet so it starts without a network. Calls `onUpdate`
 * when a newer version has taken over from an older one.
 */
export function registerServiceWorker(onUpdate: () => void): void {
  // Service workers need HTTPS or localhost; over plain HTTP the queue still works, offline start does not.
  // (Under `vite` dev there is no /kiosk-sw.js: registration fails quietly. import.meta.env.PROD is no
  // guide here: the tests build the pages with NODE_ENV=test.)
  if (!('serviceWorker' in navigator)) return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) onUpdate();
  });
  addEventListener('load', () => void navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk' }).catch(() => undefined));
}
