import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { FiguresPanel } from './FiguresPanel';
import { inboxApi } from './inbox-api';
import { InboxList } from './InboxList';
import { ItemDetailView } from './ItemDetailView';
import type { Organisation } from './organisation';
import { SettingsPanel } from './SettingsPanel';
import '../../shared/feedback/feedback.css';
import './feedback-staff.css';

type View = 'inbox' | 'figures' | 'settings';

/** Feedback and complaints: the inbox of the staff member's units, the figures, the settings. */
export function FeedbackTab({ store }: { store: StaffStore }) {
  const { t, user } = store;
  const [view, setView] = useState<View>('inbox');
  const [openId, setOpenId] = useState<string | null>(null);
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    Promise.all([inboxApi.choices(), inboxApi.officials()]).then(
      ([choices, officials]) => setOrg({ units: choices.units, procedures: choices.procedures, officials }),
      (e: unknown) => setError(store.explain(e)),
    );
  }, []);
  if (error) return <p class="alert" role="alert">{t('common.error', { message: error })}</p>;
  if (!org) return <p class="hint">{t('common.loading')}</p>;
  const views: View[] = user.value?.role === 'admin' ? ['inbox', 'figures', 'settings'] : ['inbox', 'figures'];

  return (
    <section class="screen" aria-labelledby="fb-tab-heading">
      <h1 id="fb-tab-heading">{t('feedback.tab')}</h1>
      <div class="fb-views" role="group" aria-label={t('feedback.tab')}>
        {views.map((v) => (
          <button key={v} type="button" class="fb-view" aria-pressed={view === v} onClick={() => { setView(v); setOpenId(null); }}>
            {t(`feedback.views.${v}`)}
          </button>
        ))}
      </div>
      {view === 'inbox' && !openId && <InboxList store={store} org={org} onOpen={setOpenId} />}
      {view === 'inbox' && openId && <ItemDetailView store={store} org={org} id={openId} onBack={() => setOpenId(null)} />}
      {view === 'figures' && <FiguresPanel store={store} org={org} />}
      {view === 'settings' && <SettingsPanel store={store} />}
    </section>
  );
}
