import { render } from 'preact';
import '../shared/styles.css';
import './staff.css';
import { StaffApp } from './StaffApp';
import { createStaffStore } from './staff-store';

const store = createStaffStore();
void store.restore();
// The first render in a task of its own, after the module's: drawn while the page's scripts were
// evaluated, it was laid out there too when parsing ended, one task of 160–220 ms on an office PC
// (4× slower CPU); apart, the page is free for input between the two (tests/bench/NOTES.md).
setTimeout(() => render(<StaffApp store={store} />, document.getElementById('app')!), 0);
