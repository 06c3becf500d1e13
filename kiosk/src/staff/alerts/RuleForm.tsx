import { useState } from 'preact/hooks';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { ALERT_KINDS, createRule } from './alerts-api';

/** A new rule: unit, kind, index and window, target, e-mail recipients, and (admins) a webhook. */
export function RuleForm({ store, units, elements, onCreated }: { store: StaffStore; units: { code: string; name: string }[]; elements: { id: string; name: string }[]; onCreated: () => void }) {
  const { t } = store;
  const admin = store.user.value?.role === 'admin';
  const [kind, setKind] = useState<string>(ALERT_KINDS[0]);
  const [message, setMessage] = useState('');
  const index = kind === 'index_below_target' || kind === 'index_fell';
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const rule: Record<string, unknown> = {
      unit: text('unit'),
      kind,
      recipients: text('recipients').split(/[,\s]+/).filter(Boolean),
      ...(text('days') ? { days: Number(text('days')) } : {}),
      ...(index ? { element: text('element') || 'overall' } : {}),
      ...(kind === 'index_below_target' && text('target') ? { target: Number(text('target')) } : {}),
      ...(admin && text('webhook') ? { webhookUrl: text('webhook') } : {}),
    };
    try {
      await createRule(rule);
      setMessage(t('alerts.rules.saved'));
      (e.target as HTMLFormElement).reset();
      onCreated();
    } catch (error) {
      setMessage(t('common.error', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };
  return (
    <form class="panel form-grid" onSubmit={submit} aria-labelledby="rule-form-heading">
      <h2 id="rule-form-heading">{t('alerts.rules.new')}</h2>
      <div class="field"><label for="rule-unit">{t('alerts.rules.unit')}</label><select id="rule-unit" name="unit" required>{units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}</select></div>
      <div class="field"><label for="rule-kind">{t('alerts.rules.kind')}</label><select id="rule-kind" name="kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>{ALERT_KINDS.map((k) => <option key={k} value={k}>{t(`alerts.kinds.${k}`)}</option>)}</select></div>
      {index && <div class="field"><label for="rule-element">{t('alerts.rules.element')}</label><select id="rule-element" name="element"><option value="overall">{t('alerts.rules.overall')}</option>{elements.map((el) => <option key={el.id} value={el.id}>{el.name}</option>)}</select></div>}
      {kind !== 'complaints_overdue' && <label>{t('alerts.rules.days')}<input name="days" type="number" min={1} max={365} inputMode="numeric" placeholder={kind === 'kiosk_silent' ? '1' : '30'} /></label>}
      {kind === 'index_below_target' && <label>{t('alerts.rules.target')}<input name="target" type="number" min={0} max={100} step="0.1" placeholder={t('alerts.rules.targetHint')} /></label>}
      <label>{t('alerts.rules.recipients')}<input name="recipients" type="text" autoComplete="off" /></label>
      {admin && <label>{t('alerts.rules.webhook')}<input name="webhook" type="url" placeholder="https://" /></label>}
      <div><button type="submit" class="button button--primary">{t('alerts.rules.save')}</button></div>
      <p role="status" class="hint">{message}</p>
    </form>
  );
}
