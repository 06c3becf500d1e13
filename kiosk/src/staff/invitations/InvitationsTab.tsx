import { useEffect, useState } from 'preact/hooks';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { InvitationForm } from './InvitationForm';
import type { FormOptions, InvitationListItem, IssuedInvitation } from './invitation-types';
import { IssuedCard } from './IssuedCard';
import './invitations.css';

/** Make the QR invitation for a returned dossier, print its slip, or print today's slips in a batch. */
export function InvitationsTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const [options, setOptions] = useState<FormOptions | null>(null);
  const [today, setToday] = useState<InvitationListItem[]>([]);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const refresh = () => api<InvitationListItem[]>('/api/invitations?limit=120').then(setToday, (e: unknown) => setError(store.explain(e)));
  useEffect(() => {
    api<FormOptions>('/api/invitations/form-options').then(setOptions, (e: unknown) => setError(store.explain(e)));
    void refresh();
  }, []);
  if (error) return <p class="alert" role="alert">{t('common.error', { message: error })}</p>;
  if (!options) return <p class="hint">{t('common.loading')}</p>;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <section class="screen invitations" aria-labelledby="invitations-heading">
      <h1 id="invitations-heading">{t('invitations.heading')}</h1>
      <p class="hint">{t('invitations.intro')}</p>
      <div class="invitations__grid">
        <InvitationForm store={store} options={options} onIssued={(i) => { setIssued(i); void refresh(); }} />
        {issued && <IssuedCard store={store} issued={issued} />}
      </div>
      <h2>{t('invitations.today.heading')}</h2>
      {today.length === 0 ? (
        <p>{t('invitations.today.empty')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">{t('invitations.today.choose')}</span></th>
                  <th scope="col">{t('invitations.today.procedure')}</th>
                  <th scope="col">{t('invitations.today.unit')}</th>
                  <th scope="col">{t('invitations.today.official')}</th>
                  <th scope="col">{t('invitations.today.timing')}</th>
                </tr>
              </thead>
              <tbody>
                {today.map((i, n) => (
                  <tr key={i.id}>
                    <td><input type="checkbox" class="check" aria-label={t('invitations.today.chooseRow', { n: n + 1, procedure: i.procedure })} checked={chosen.has(i.id)} onChange={() => toggle(i.id)} /></td>
                    <td>{i.procedure}</td>
                    <td>{i.unit}</td>
                    <td>{i.official ?? '–'}</td>
                    <td>{t(`invitations.timing.${i.timing}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="invitations__batch">
            {chosen.size ? (
              <a class="button button--secondary" href={`/slips?ids=${[...chosen].join(',')}&layout=a4`} target="_blank" rel="noopener">
                {t('invitations.today.printBatch', { count: chosen.size })}
              </a>
            ) : (
              <span class="hint">{t('invitations.today.chooseHint')}</span>
            )}
          </p>
        </>
      )}
    </section>
  );
}
