import { render } from 'preact';
import '../shared/styles.css';
import './staff.css';
import { StaffApp } from './StaffApp';
import { createStaffStore } from './staff-store';

const store = createStaffStore();
void store.restore();
render(<StaffApp store={store} />, document.getElementById('app')!);
