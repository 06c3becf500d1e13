import { useEffect } from 'preact/hooks';
import type { FeedbackRoute } from './feedback-route';
import { PUBLIC_PATH } from './feedback-route';
import type { PageStore } from './page-store';
import { CitizenToolbar } from '../shared/CitizenToolbar';
import { PublicPage } from './PublicPage';
import { SendPage } from './SendPage';
import { TrackPage } from './TrackPage';

/** The standalone feedback pages: send, follow one item, read the published answers. */
export function FeedbackApp({ store, route, query }: { store: PageStore; route: FeedbackRoute; query: URLSearchParams }) {
  const { t, textScale } = store;
  useEffect(() => {
    document.documentElement.style.fontSize = `${textScale.value * 100}%`;
  }, [textScale.value]);
  return (
    <>
      <header class="topbar">
        <p class="topbar__title">{t('feedback.title')}</p>
        <CitizenToolbar language={store} textScale={store.textScale} />
      </header>
      <nav class="fb-nav" aria-label={t('feedback.nav.label')}>
        <a href="/gop-y" aria-current={route.page === 'send' ? 'page' : undefined}>{t('feedback.nav.send')}</a>
        <a href={PUBLIC_PATH} aria-current={route.page === 'public' ? 'page' : undefined}>{t('feedback.nav.public')}</a>
      </nav>
      <main class="main">
        {route.page === 'send' && <SendPage store={store} unit={query.get('unit') ?? undefined} procedure={query.get('procedure') ?? undefined} />}
        {route.page === 'track' && <TrackPage store={store} code={route.code} />}
        {route.page === 'public' && <PublicPage store={store} unit={query.get('unit') ?? undefined} />}
      </main>
    </>
  );
}
