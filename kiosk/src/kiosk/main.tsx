import { render } from 'preact';
import '../shared/styles.css';
import './kiosk.css';
import { enrolmentCodeIn } from './device-config';
import { readBootData } from '../shared/boot-data';
import { createDeviceLink } from './device-link';
import { createKioskStore } from './kiosk-store';
import { KioskApp } from './KioskApp';
import { registerServiceWorker } from './register-service-worker';

const link = createDeviceLink();
const store = createKioskStore(link, readBootData());
/** An enrolment link opened on the tablet (or pasted while the page is open) enrols it. */
function enrolFromAddress() {
  const code = enrolmentCodeIn(location.hash);
  if (!code) return;
  // The code works once: take it out of the address so a reload does not try it again.
  history.replaceState(null, '', location.pathname);
  void link.enrol(code);
}
// The first screen before any request: on a slow tablet each fetch started costs time the
// welcome screen (already in hand from the page) would wait for.
render(<KioskApp store={store} />, document.getElementById('app')!);
enrolFromAddress();
addEventListener('hashchange', enrolFromAddress);
link.start();
void store.load();
registerServiceWorker(() => (store.updateReady.value = true));
