import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { loadOrganisation, type Organisation } from './organisation-api';
import { MergePanel } from './MergePanel';
import { OfficialsPanel } from './OfficialsPanel';
import { ProceduresPanel } from './ProceduresPanel';
import { UnitsPanel } from './UnitsPanel';
import { WorkbookPanel } from './WorkbookPanel';
import './organisation.css';

/** "Tổ chức": the units, procedures and officials the person manages, changed one by one or from a workbook. */
export function OrganisationTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const refresh = () => loadOrganisation().then(setOrg, (e: unknown) => setError(t('common.error', { message: store.explain(e) })));
  useEffect(() => void refresh(), []);
  // Announced once the tree shows the change, so what a screen reader says matches what is on the screen.
  const changed = (message: string) => void refresh().then(() => setStatus(message));

  if (!org) return error ? <p class="alert" role="alert">{error}</p> : <p class="hint">{t('common.loading')}</p>;
  return (
    <div class="org-tab">
      <section class="screen" aria-labelledby="org-heading">
        <h1 id="org-heading">{t('organisation.heading')}</h1>
        <p>{t('organisation.intro')}</p>
        <p class="org-done" role="status">{status}</p>
      </section>
      <UnitsPanel store={store} org={org} onChanged={changed} />
      <ProceduresPanel store={store} org={org} onChanged={changed} />
      <OfficialsPanel store={store} org={org} onChanged={changed} />
      {store.user.value?.role === 'admin' && <MergePanel store={store} org={org} onChanged={changed} />}
      <WorkbookPanel store={store} withExport headingLevel={2} onApplied={() => void refresh()} />
    </div>
  );
}
