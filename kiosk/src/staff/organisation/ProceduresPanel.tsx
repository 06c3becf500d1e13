import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useFocusOnShow } from '../devices/use-focus-on-show';
import type { StaffStore } from '../staff-store';
import { addProcedure, editProcedure, type Organisation, type ProcedureView } from './organisation-api';
import { unitName } from './organisation-text';
import { Problem } from './Problem';
import { SearchBox, matches, SHOWN } from './SearchBox';
import { UnitOptions } from './UnitChoices';

interface Props {
  store: StaffStore;
  org: Organisation;
  onChanged: (message: string) => void;
}

/** The procedures of the person's units: search, add, edit (and move to another unit), retire. */
export function ProceduresPanel({ store, org, onChanged }: Props) {
  const { t, lang } = store;
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<{ procedure: ProcedureView | null } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; error: unknown } | null>(null);
  const units = new Map(org.units.map((u) => [u.code, u]));
  const nameOf = (p: ProcedureView) => (lang.value === 'vi' ? p.nameVi : p.nameEn || p.nameVi);
  const found = org.procedures.filter((p) => matches(query, [p.code, p.nameVi, p.nameEn, p.fieldVi, p.fieldEn, p.unit]));

  const setActive = async (p: ProcedureView, active: boolean) => {
    setError(null);
    setConfirming(null);
    try {
      await editProcedure(p.code, { active });
      onChanged(t(active ? 'organisation.saved.reactivated' : 'organisation.saved.retired', { name: nameOf(p) }));
    } catch (err) {
      setError({ code: p.code, error: err });
    }
  };

  return (
    <section class="screen" aria-labelledby="org-procedures-heading">
      <h2 id="org-procedures-heading">{t('organisation.procedures.heading')}</h2>
      <SearchBox store={store} id="org-procedure-search" label={t('organisation.procedures.search')} value={query} onInput={setQuery} found={found.length} total={org.procedures.length} />
      {found.length > 0 && (
        <div class="table-wrap">
          <table class="table org-table">
            <caption class="visually-hidden">{t('organisation.procedures.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisation.procedures.code')}</th>
                <th scope="col">{t('organisation.procedures.name')}</th>
                <th scope="col">{t('organisation.procedures.field')}</th>
                <th scope="col">{t('organisation.procedures.unit')}</th>
                <th scope="col" class="num">{t('organisation.procedures.days')}</th>
                <th scope="col">{t('organisation.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {found.slice(0, SHOWN).map((p) => {
                const name = nameOf(p);
                const unit = units.get(p.unit);
                return (
                  <Fragment key={p.code}>
                    <tr data-procedure={p.code} class={p.active ? '' : 'org-table__retired'}>
                      <td>{p.code}</td>
                      <th scope="row">
                        {name}
                        {!p.active && <strong class="org-badge">{t('organisation.retiredBadge')}</strong>}
                      </th>
                      <td>{lang.value === 'vi' ? p.fieldVi : p.fieldEn || p.fieldVi}</td>
                      <td>{unit ? unitName(unit, lang.value) : p.unit}</td>
                      <td class="num">{p.handlingDays ?? ''}</td>
                      <td>
                        <div class="org-actions">
                          {confirming === p.code ? (
                            <>
                              <span>{t('organisation.procedures.confirmRetire', { name })}</span>
                              <button type="button" class="button button--danger" onClick={() => void setActive(p, false)}>{t('organisation.confirmRetire')}</button>
                              <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                            </>
                          ) : p.active ? (
                            <>
                              <button type="button" class="button button--secondary" aria-label={t('organisation.procedures.editOf', { name })} onClick={() => { setError(null); setForm({ procedure: p }); }}>{t('organisation.edit')}</button>
                              <button type="button" class="button button--secondary" aria-label={t('organisation.procedures.retireOf', { name })} onClick={() => { setError(null); setConfirming(p.code); }}>{t('organisation.retire')}</button>
                            </>
                          ) : (
                            <button type="button" class="button button--secondary" aria-label={t('organisation.procedures.reactivateOf', { name })} onClick={() => void setActive(p, true)}>{t('organisation.reactivate')}</button>
                          )}
                        </div>
                      </td>
                    </tr>
                    {error?.code === p.code && (
                      <tr>
                        <td colSpan={6}><Problem store={store} error={error.error} heading={t('organisation.notSaved')} /></td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="button button--secondary" onClick={() => { setError(null); setForm({ procedure: null }); }}>{t('organisation.procedures.add')}</button>
      {form && (
        <ProcedureForm
          key={form.procedure?.code ?? '(new)'}
          store={store}
          org={org}
          procedure={form.procedure}
          onCancel={() => setForm(null)}
          onDone={(message) => { setForm(null); onChanged(message); }}
        />
      )}
    </section>
  );
}

function ProcedureForm({ store, org, procedure, onDone, onCancel }: { store: StaffStore; org: Organisation; procedure: ProcedureView | null; onDone: (m: string) => void; onCancel: () => void }) {
  const { t, lang } = store;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const days = text('handlingDays') === '' ? null : Number(text('handlingDays'));
    const body = { nameVi: text('nameVi'), nameEn: text('nameEn'), fieldVi: text('fieldVi'), fieldEn: text('fieldEn'), unit: text('unit'), handlingDays: days };
    setBusy(true);
    setError(null);
    try {
      if (procedure) await editProcedure(procedure.code, { ...body, nameEn: body.nameEn || body.nameVi, fieldEn: body.fieldEn || body.fieldVi });
      else await addProcedure({ code: text('code'), ...body, nameEn: body.nameEn || undefined, fieldEn: body.fieldEn || undefined });
      onDone(t(procedure ? 'organisation.saved.changed' : 'organisation.saved.added', { name: body.nameVi }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="screen form org-form" onSubmit={submit} aria-labelledby="org-procedure-form">
      <h2 id="org-procedure-form" tabIndex={-1} ref={heading}>
        {procedure ? t('organisation.procedures.editHeading', { name: lang.value === 'vi' ? procedure.nameVi : procedure.nameEn }) : t('organisation.procedures.addHeading')}
      </h2>
      <Problem store={store} error={error} heading={t('organisation.notSaved')} />
      {!procedure && (
        <label class="field">
          <span>{t('organisation.procedures.code')}</span>
          <input name="code" required maxLength={32} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" autoComplete="off" aria-describedby="org-procedure-code-hint" />
          <span class="hint" id="org-procedure-code-hint">{t('organisation.procedures.codeHint')}</span>
        </label>
      )}
      <label class="field">
        <span>{t('organisation.procedures.nameVi')}</span>
        <input name="nameVi" required maxLength={300} defaultValue={procedure?.nameVi ?? ''} autoComplete="off" />
      </label>
      <label class="field">
        <span>{t('organisation.procedures.nameEn')}</span>
        <input name="nameEn" maxLength={300} defaultValue={procedure?.nameEn ?? ''} autoComplete="off" lang="en" />
      </label>
      <label class="field">
        <span>{t('organisation.procedures.fieldVi')}</span>
        <input name="fieldVi" required maxLength={300} defaultValue={procedure?.fieldVi ?? ''} autoComplete="off" />
      </label>
      <label class="field">
        <span>{t('organisation.procedures.fieldEn')}</span>
        <input name="fieldEn" maxLength={300} defaultValue={procedure?.fieldEn ?? ''} autoComplete="off" lang="en" />
      </label>
      <label class="field">
        <span>{t('organisation.procedures.unit')}</span>
        <select name="unit" required>
          <UnitOptions units={org.units} lang={lang.value} selected={procedure?.unit ?? null} />
        </select>
      </label>
      <label class="field">
        <span>{t('organisation.procedures.days')}</span>
        <input name="handlingDays" type="number" min={0} max={3650} step={1} defaultValue={procedure?.handlingDays === null || !procedure ? '' : String(procedure.handlingDays)} />
      </label>
      <div class="org-form__buttons">
        <button class="button button--primary" type="submit" disabled={busy}>{t('common.save')}</button>
        <button class="button button--secondary" type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
