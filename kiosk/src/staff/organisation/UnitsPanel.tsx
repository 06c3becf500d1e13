import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { editUnit, type Organisation, type UnitView } from './organisation-api';
import { unitName } from './organisation-text';
import { Problem } from './Problem';
import { UnitForm, type UnitFormMode } from './UnitForm';

interface Props {
  store: StaffStore;
  org: Organisation;
  onChanged: (message: string) => void;
}

/** The unit tree: each unit with its kind and state, and what may be done to it. */
export function UnitsPanel({ store, org, onChanged }: Props) {
  const { t, lang } = store;
  const [form, setForm] = useState<UnitFormMode | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; error: unknown } | null>(null);
  const codes = new Set(org.units.map((u) => u.code));
  const childrenOf = (parent: string | null) => org.units.filter((u) => (parent === null ? u.parent === null || !codes.has(u.parent) : u.parent === parent));

  const setActive = async (unit: UnitView, active: boolean) => {
    setError(null);
    setConfirming(null);
    try {
      await editUnit(unit.code, { active });
      onChanged(t(active ? 'organisation.saved.reactivated' : 'organisation.saved.retired', { name: unitName(unit, lang.value) }));
    } catch (err) {
      setError({ code: unit.code, error: err });
    }
  };
  const open = (next: UnitFormMode) => {
    setError(null);
    setConfirming(null);
    setForm(next);
  };

  const node = (unit: UnitView) => {
    const name = unitName(unit, lang.value);
    const children = childrenOf(unit.code);
    return (
      <li key={unit.code} data-unit={unit.code}>
        <div class={`org-tree__row${unit.active ? '' : ' org-tree__row--retired'}`}>
          <span class="org-tree__name">{name}</span>
          <span class="org-tree__meta">
            {unit.code} · {t(`organisation.kinds.${unit.kind}`)}
            {!unit.active && <strong class="org-badge">{t('organisation.retiredBadge')}</strong>}
          </span>
          <span class="org-actions">
            {confirming === unit.code ? (
              <>
                <span>{t('organisation.units.confirmRetire', { name })}</span>
                <button type="button" class="button button--danger" onClick={() => void setActive(unit, false)}>{t('organisation.confirmRetire')}</button>
                <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
              </>
            ) : unit.active ? (
              <>
                <button type="button" class="button button--secondary" aria-label={t('organisation.units.editOf', { name })} onClick={() => open({ mode: 'edit', unit })}>{t('organisation.units.edit')}</button>
                {unit.code !== org.root && (
                  <button type="button" class="button button--secondary" aria-label={t('organisation.units.moveOf', { name })} onClick={() => open({ mode: 'move', unit })}>{t('organisation.units.move')}</button>
                )}
                <button type="button" class="button button--secondary" aria-label={t('organisation.units.addBelowOf', { name })} onClick={() => open({ mode: 'add', parent: unit.code })}>{t('organisation.units.addBelow')}</button>
                <button type="button" class="button button--secondary" aria-label={t('organisation.units.retireOf', { name })} onClick={() => { setError(null); setConfirming(unit.code); }}>{t('organisation.retire')}</button>
              </>
            ) : (
              <button type="button" class="button button--secondary" aria-label={t('organisation.units.reactivateOf', { name })} onClick={() => void setActive(unit, true)}>{t('organisation.reactivate')}</button>
            )}
          </span>
        </div>
        {error?.code === unit.code && <Problem store={store} error={error.error} heading={t('organisation.notSaved')} />}
        {children.length > 0 && <ul class="org-tree">{children.map(node)}</ul>}
      </li>
    );
  };

  return (
    <section class="screen" aria-labelledby="org-units-heading">
      <h2 id="org-units-heading">{t('organisation.units.heading')}</h2>
      <p class="hint">{t('organisation.units.intro')}</p>
      {org.units.length === 0 ? <p>{t('organisation.units.empty')}</p> : <ul class="org-tree org-tree--top">{childrenOf(null).map(node)}</ul>}
      {org.canAddTop && (
        <button type="button" class="button button--secondary" onClick={() => open({ mode: 'add', parent: null })}>{t('organisation.units.addTop')}</button>
      )}
      {form && (
        <UnitForm
          key={JSON.stringify(form)}
          store={store}
          org={org}
          form={form}
          onCancel={() => setForm(null)}
          onDone={(message) => { setForm(null); onChanged(message); }}
        />
      )}
    </section>
  );
}
