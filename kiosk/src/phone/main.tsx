import { render } from 'preact';
import '../shared/styles.css';
import './phone.css';
import { readBootData } from '../shared/boot-data';
import { createPhoneStore } from './phone-store';
import { PhoneApp } from './PhoneApp';

const store = createPhoneStore(location.pathname, readBootData());
void store.load();
render(<PhoneApp store={store} />, document.getElementById('app')!);
