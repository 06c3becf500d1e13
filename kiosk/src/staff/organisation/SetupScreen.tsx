import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import type { ImportPlan } from './organisation-api';
import { WorkbookPanel } from './WorkbookPanel';
import './organisation.css';

/**
 * An empty server (started with SIPAS_DEMO=0): the admin downloads the template, fills it in,
 * uploads it, reads the preview and applies it; then the office is ready for its kiosks.
 */
export function SetupScreen({ store }: { store: StaffStore }) {
  const { t } = store;
  const [applied, setApplied] = useState<ImportPlan | null>(null);
  const go = (tab: string) => {
    store.openTab(tab);
    store.organisationEmpty.value = false;
  };
  return (
    <div class="org-tab">
      <section class="screen" aria-labelledby="setup-heading">
        <h1 id="setup-heading">{t('setup.heading')}</h1>
        <p>{t('setup.intro')}</p>
        <ol class="setup-steps">
          <li>{t('setup.step1')}</li>
          <li>{t('setup.step2')}</li>
          <li>{t('setup.step3')}</li>
        </ol>
      </section>
      {applied ? (
        <section class="screen" aria-labelledby="setup-done-heading">
          <h2 id="setup-done-heading">{t('setup.doneHeading')}</h2>
          <p role="status">{t('organisation.workbook.applied', applied.counts)}</p>
          <p>{t('setup.next')}</p>
          <div class="org-form__buttons">
            <button type="button" class="button button--primary" onClick={() => go('devices')}>{t('setup.toDevices')}</button>
            <button type="button" class="button button--secondary" onClick={() => go('organisation')}>{t('setup.toOrganisation')}</button>
          </div>
        </section>
      ) : (
        <WorkbookPanel store={store} withExport={false} headingLevel={2} onApplied={setApplied} />
      )}
    </div>
  );
}
