import { render } from 'preact';
import '../shared/styles.css';
import './feedback-page.css';
import { FeedbackApp } from './FeedbackApp';
import { feedbackRoute } from './feedback-route';
import { createPageStore } from './page-store';

const store = createPageStore();
void store.load();
render(<FeedbackApp store={store} route={feedbackRoute(location.pathname)} query={new URLSearchParams(location.search)} />, document.getElementById('app')!);
