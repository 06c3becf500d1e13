import { useEffect } from 'preact/hooks';
import { EnrolScreen } from './EnrolScreen';
import { watchIdle } from './idle-timer';
import type { KioskStore } from './kiosk-store';
import { QueueIndicator } from './QueueIndicator';
import { ReasonsScreen } from './ReasonsScreen';
import { StepScreen } from './StepScreen';
import { StoreContext } from './store-context';
import { ThanksScreen } from './ThanksScreen';
import { CitizenToolbar } from '../shared/CitizenToolbar';
import { WelcomeScreen } from './WelcomeScreen';
import { lazy } from '../shared/lazy';

// Its own chunk: the kiosk loads the feedback form only when someone asks for it.
const FeedbackScreen = lazy(() => import('./FeedbackScreen').then((m) => m.FeedbackScreen));

export function KioskApp({ store }: { store: KioskStore }) {
  const { screen, quick, full, loadFailed, textScale, t, link } = store;
  useEffect(() => {
    // rem-based layout: scaling the root font size scales the whole page, as browser zoom would.
    document.documentElement.style.fontSize = `${textScale.value * 100}%`;
  }, [textScale.value]);
  useEffect(() => watchIdle(() => store.settings.value.idleSeconds, () => void store.timeOut()), []);

  const current = screen.value;
  let body;
  if (!link.device.value) body = <EnrolScreen />;
  else if (loadFailed.value) body = <p class="alert" role="alert">{t('load.failed')}</p>;
  // The welcome screen needs only the quick rating; the full questionnaire's button waits for its own.
  else if (!quick.value) body = <p class="hint">{t('load.loading')}</p>;
  else if (current.kind === 'welcome') body = <WelcomeScreen />;
  else if (current.kind === 'reasons') body = <ReasonsScreen />;
  else if (current.kind === 'step') body = <StepScreen index={current.index} />;
  else if (current.kind === 'feedback') body = <FeedbackScreen />;
  else body = <ThanksScreen />;

  return (
    <StoreContext.Provider value={store}>
      <header class="topbar">
        <p class="topbar__title">{t('app.title')}</p>
        <CitizenToolbar language={store} textScale={store.textScale} />
      </header>
      {/* Which versions the tablet asks now: for support staff reading the page, and for the tests. */}
      <main class="main" data-quick-version={quick.value?.version} data-full-version={full.value?.version}>
        {body}
      </main>
      <QueueIndicator />
    </StoreContext.Provider>
  );
}
