import { render } from 'preact';
import '../shared/styles.css';
import { createKioskStore } from './kiosk-store';
import { KioskApp } from './KioskApp';

const params = new URLSearchParams(location.search);
const store = createKioskStore({ unit: params.get('unit') ?? undefined, thanksSeconds: 8 });
void store.load();
render(<KioskApp store={store} />, document.getElementById('app')!);
