import { useEffect, useRef } from 'preact/hooks';
import { CodeScreen } from './CodeScreen';
import { InvitationAbout } from './InvitationAbout';
import { OfferScreen } from './OfferScreen';
import type { PhoneStore } from './phone-store';
import { ProblemScreen } from './ProblemScreen';
import { QuickScreen } from './QuickScreen';
import { QuickReasonsScreen } from './QuickReasonsScreen';
import { FullStepScreen } from './FullStepScreen';
import { PhoneContext } from './store-context';
import { CitizenToolbar } from '../shared/CitizenToolbar';
import { lazy } from '../shared/lazy';

// The feedback form is its own chunk, fetched only when someone opens it.
const PhoneFeedbackScreen = lazy(() => import('./PhoneFeedbackScreen').then((m) => m.PhoneFeedbackScreen));

export function PhoneApp({ store }: { store: PhoneStore }) {
  const { screen, t } = store;
  const current = screen.value;
  const main = useRef<HTMLElement>(null);
  // Each new screen starts at its heading, for screen readers and for the eye.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo(0, 0);
  }, [current]);

  let body;
  if (current.kind === 'loading') body = <p class="hint">{t('load.loading')}</p>;
  else if (current.kind === 'code') body = <CodeScreen />;
  else if (current.kind === 'problem') body = <ProblemScreen problem={current.problem} />;
  else if (current.kind === 'quick') body = <QuickScreen />;
  else if (current.kind === 'reasons') body = <QuickReasonsScreen />;
  else if (current.kind === 'offer') body = <OfferScreen justRated={current.justRated} />;
  else if (current.kind === 'step') body = <FullStepScreen index={current.index} />;
  else if (current.kind === 'feedback') body = <PhoneFeedbackScreen back={current.back} />;
  else
    body = (
      <section class="screen screen--thanks" aria-labelledby="done-heading">
        <h1 id="done-heading" tabIndex={-1}>{t('phone.done.heading')}</h1>
        <p class="lead">{t('phone.done.body')}</p>
        <button type="button" class="button button--secondary button--wide" onClick={() => store.openFeedback()}>
          {t('phone.feedback.open')}
        </button>
      </section>
    );

  const showAbout = ['quick', 'reasons', 'offer', 'step'].includes(current.kind);
  return (
    <PhoneContext.Provider value={store}>
      <header class="topbar">
        <p class="topbar__title">{t('phone.title')}</p>
        <CitizenToolbar language={store} />
      </header>
      <main class="main phone" ref={main}>
        {showAbout && <InvitationAbout />}
        {body}
      </main>
    </PhoneContext.Provider>
  );
}
