import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from './staff-store';
import { staffTabs } from './tabs';

/** The signed-in frame: who is signed in, the language, the tabs and the open tab. */
export function StaffShell({ store }: { store: StaffStore }) {
  const { t, user, tab, lang } = store;
  const me = user.value!;
  const tabs = staffTabs.filter((x) => !x.roles || x.roles.includes(me.role));
  const current = tabs.find((x) => x.id === tab.value) ?? tabs[0];
  // An empty server (SIPAS_DEMO=0): the admin sets up the office before anything else.
  const setup = me.role === 'admin' && store.organisationEmpty.value;
  const [View, setView] = useState<ComponentType<{ store: StaffStore }> | null>(null);
  useEffect(() => {
    // A tab chosen while the last one's code was still arriving wins: the late code is not shown.
    let chosen = true;
    const show = (component: ComponentType<{ store: StaffStore }>) => chosen && setView(() => component);
    setView(null);
    if (setup) void import('./organisation/SetupScreen').then((m) => show(m.SetupScreen));
    else if (current) void current.load().then(show);
    return () => { chosen = false; };
  }, [setup ? 'setup' : current?.id]);

  return (
    <>
      <header class="topbar">
        <p class="topbar__title">{t('app.title')}</p>
        {!setup && (
          <nav class="tabs" aria-label={t('app.title')}>
            {tabs.map((x) => (
              <a key={x.id} href={`#${x.id}`} class="tabs__tab" aria-current={x.id === current?.id ? 'page' : undefined} onClick={(e) => { e.preventDefault(); store.openTab(x.id); }}>
                {t(x.label)}
              </a>
            ))}
          </nav>
        )}
        <div class="toolbar">
          <button type="button" class="chip" aria-pressed={lang.value === 'vi'} lang="vi" onClick={() => store.setLanguage('vi')}>Tiếng Việt</button>
          <button type="button" class="chip" aria-pressed={lang.value === 'en'} lang="en" onClick={() => store.setLanguage('en')}>English</button>
          <span class="topbar__user">{t('app.signedInAs', { name: me.displayName, role: t(`roles.${me.role}`) })}</span>
          <button type="button" class="chip" onClick={() => store.signOut()}>{t('app.signOut')}</button>
        </div>
      </header>
      <main class="main main--wide">{View ? <View store={store} /> : <p class="hint">{t('common.loading')}</p>}</main>
    </>
  );
}
