import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useFocusOnShow } from '../devices/use-focus-on-show';
import type { StaffStore } from '../staff-store';
import { addOfficial, editOfficial, type OfficialView, type Organisation } from './organisation-api';
import { unitName } from './organisation-text';
import { Problem } from './Problem';
import { matches, SearchBox, SHOWN } from './SearchBox';
import { UnitOptions } from './UnitChoices';

interface Props {
  store: StaffStore;
  org: Organisation;
  onChanged: (message: string) => void;
}

/** The officials of the person's units: search, add, edit (and move to another unit or counter), retire. */
export function OfficialsPanel({ store, org, onChanged }: Props) {
  const { t, lang } = store;
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<{ official: OfficialView | null } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; error: unknown } | null>(null);
  const units = new Map(org.units.map((u) => [u.code, u]));
  const place = (code: string) => (units.get(code) ? unitName(units.get(code)!, lang.value) : code);
  const found = org.officials.filter((o) => matches(query, [o.code, o.fullName, place(o.counter ?? o.unit), o.counter ?? o.unit]));

  const setActive = async (o: OfficialView, active: boolean) => {
    setError(null);
    setConfirming(null);
    try {
      await editOfficial(o.code, { active });
      onChanged(t(active ? 'organisation.saved.reactivated' : 'organisation.saved.retired', { name: o.fullName }));
    } catch (err) {
      setError({ code: o.code, error: err });
    }
  };

  return (
    <section class="screen" aria-labelledby="org-officials-heading">
      <h2 id="org-officials-heading">{t('organisation.officials.heading')}</h2>
      <SearchBox store={store} id="org-official-search" label={t('organisation.officials.search')} value={query} onInput={setQuery} found={found.length} total={org.officials.length} />
      {found.length > 0 && (
        <div class="table-wrap">
          <table class="table org-table">
            <caption class="visually-hidden">{t('organisation.officials.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisation.officials.code')}</th>
                <th scope="col">{t('organisation.officials.fullName')}</th>
                <th scope="col">{t('organisation.officials.place')}</th>
                <th scope="col">{t('organisation.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {found.slice(0, SHOWN).map((o) => (
                <Fragment key={o.code}>
                  <tr data-official={o.code} class={o.active ? '' : 'org-table__retired'}>
                    <td>{o.code}</td>
                    <th scope="row">
                      {o.fullName}
                      {!o.active && <strong class="org-badge">{t('organisation.retiredBadge')}</strong>}
                    </th>
                    <td>{place(o.counter ?? o.unit)}</td>
                    <td>
                      <div class="org-actions">
                        {confirming === o.code ? (
                          <>
                            <span>{t('organisation.officials.confirmRetire', { name: o.fullName })}</span>
                            <button type="button" class="button button--danger" onClick={() => void setActive(o, false)}>{t('organisation.confirmRetire')}</button>
                            <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                          </>
                        ) : o.active ? (
                          <>
                            <button type="button" class="button button--secondary" aria-label={t('organisation.officials.editOf', { name: o.fullName })} onClick={() => { setError(null); setForm({ official: o }); }}>{t('organisation.edit')}</button>
                            <button type="button" class="button button--secondary" aria-label={t('organisation.officials.retireOf', { name: o.fullName })} onClick={() => { setError(null); setConfirming(o.code); }}>{t('organisation.retire')}</button>
                          </>
                        ) : (
                          <button type="button" class="button button--secondary" aria-label={t('organisation.officials.reactivateOf', { name: o.fullName })} onClick={() => void setActive(o, true)}>{t('organisation.reactivate')}</button>
                        )}
                      </div>
                    </td>
                  </tr>
                  {error?.code === o.code && (
                    <tr>
                      <td colSpan={4}><Problem store={store} error={error.error} heading={t('organisation.notSaved')} /></td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="button button--secondary" onClick={() => { setError(null); setForm({ official: null }); }}>{t('organisation.officials.add')}</button>
      {form && (
        <OfficialForm
          key={form.official?.code ?? '(new)'}
          store={store}
          org={org}
          official={form.official}
          onCancel={() => setForm(null)}
          onDone={(message) => { setForm(null); onChanged(message); }}
        />
      )}
    </section>
  );
}

function OfficialForm({ store, org, official, onDone, onCancel }: { store: StaffStore; org: Organisation; official: OfficialView | null; onDone: (m: string) => void; onCancel: () => void }) {
  const { t, lang } = store;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const current = official ? (official.counter ?? official.unit) : null;

  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const body = { fullName: text('fullName'), ...placeOf(org, text('place')) };
    setBusy(true);
    setError(null);
    try {
      if (official) await editOfficial(official.code, body);
      else await addOfficial({ code: text('code'), ...body });
      onDone(t(official ? 'organisation.saved.changed' : 'organisation.saved.added', { name: body.fullName }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="screen form org-form" onSubmit={submit} aria-labelledby="org-official-form">
      <h2 id="org-official-form" tabIndex={-1} ref={heading}>
        {official ? t('organisation.officials.editHeading', { name: official.fullName }) : t('organisation.officials.addHeading')}
      </h2>
      <Problem store={store} error={error} heading={t('organisation.notSaved')} />
      {!official && (
        <label class="field">
          <span>{t('organisation.officials.code')}</span>
          <input name="code" required maxLength={32} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" autoComplete="off" aria-describedby="org-official-code-hint" />
          <span class="hint" id="org-official-code-hint">{t('organisation.codeHint')}</span>
        </label>
      )}
      <label class="field">
        <span>{t('organisation.officials.fullName')}</span>
        <input name="fullName" required maxLength={300} defaultValue={official?.fullName ?? ''} autoComplete="off" />
      </label>
      <label class="field">
        <span>{t('organisation.officials.place')}</span>
        <select name="place" required>
          <UnitOptions units={org.units} lang={lang.value} selected={current} />
        </select>
      </label>
      <div class="org-form__buttons">
        <button class="button button--primary" type="submit" disabled={busy}>{t('common.save')}</button>
        <button class="button button--secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

/**
 * Where an official sits, as the workbook says it: at a counter, the counter and the nearest unit
 * above it that is not a counter (or the highest one the person sees); elsewhere, that unit.
 */
function placeOf(org: Organisation, code: string): { unit: string; counter: string | null } {
  const units = new Map(org.units.map((u) => [u.code, u]));
  const chosen = units.get(code);
  if (!chosen || chosen.kind !== 'counter') return { unit: code, counter: null };
  const chain = [chosen];
  for (let up = chosen.parent; up && units.has(up) && chain.length < 64; up = units.get(up)!.parent) chain.push(units.get(up)!);
  return { unit: (chain.find((u) => u.kind !== 'counter') ?? chain[chain.length - 1]!).code, counter: code };
}
