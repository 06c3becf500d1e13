import { useEffect, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { localize } from '../../shared/translate';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { changeRule, deleteRule, loadDeliveries, loadRules, loadWebhookKey, type AlertRule, type Delivery } from './alerts-api';
import { ContactForm } from './ContactForm';
import { OpenAlertsPanel } from './OpenAlertsPanel';
import { RuleForm } from './RuleForm';
import '../scores/scores.css';
import './alerts.css';

/** Rules per unit (admins, managers), the open alerts, the delivery log, one's own e-mail, the webhook key. */
export function AlertsTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const lang = store.lang.value;
  const admin = store.user.value?.role === 'admin';
  // Viewers read the open alerts and set their own e-mail; rules and the log are for managers and admins.
  const manages = store.user.value?.role !== 'viewer';
  const [rules, setRules] = useState<AlertRule[]>([]);
  const [log, setLog] = useState<Delivery[]>([]);
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  const [elements, setElements] = useState<{ id: string; name: string }[]>([]);
  const [key, setKey] = useState('');
  const refresh = () => {
    if (!manages) return;
    loadRules().then(setRules, () => setRules([]));
    loadDeliveries().then(setLog, () => setLog([]));
  };
  useEffect(() => {
    refresh();
    api<{ units: { code: string; name: { vi: string; en: string } }[] }>('/api/scores/options').then((o) => setUnits(o.units.map((u) => ({ code: u.code, name: localize(u.name, lang) }))), () => undefined);
    api<SurveyDefinition>('/api/surveys/sipas-2017').then((d) => setElements(d.elements.map((e) => ({ id: e.id, name: localize(e.title, lang) }))), () => undefined);
    if (admin) loadWebhookKey().then((k) => setKey(k.key), () => undefined);
  }, [lang]);
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');
  return (
    <div class="scores">
      <h1>{t('alerts.heading')}</h1>
      <p class="hint">{t('alerts.intro')}</p>
      <OpenAlertsPanel store={store} />
      {manages && <section class="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('alerts.rules.heading')}</h2>
        {rules.length === 0 ? <p>{t('alerts.rules.empty')}</p> : (
          <div class="table-wrap"><table class="table">
            <thead><tr><th scope="col">{t('alerts.rules.unit')}</th><th scope="col">{t('alerts.rules.kind')}</th><th scope="col">{t('alerts.rules.days')}</th><th scope="col">{t('alerts.rules.recipients')}</th><th scope="col">{t('alerts.rules.state')}</th><th scope="col">{t('alerts.rules.lastChecked')}</th><th scope="col">{t('alerts.rules.enabled')}</th><th scope="col"><span class="visually-hidden">{t('alerts.rules.delete')}</span></th></tr></thead>
            <tbody>{rules.map((r) => (
              <tr key={r.id} data-rule={r.id}>
                <th scope="row">{unitName(r.unit)}</th>
                <td>{t(`alerts.kinds.${r.kind}`)}{r.webhookUrl ? ' · webhook' : ''}</td>
                <td class="num">{r.kind === 'complaints_overdue' ? '—' : r.days}</td>
                <td>{r.recipients.join(', ') || '—'}</td>
                <td>{r.firing ? <strong>{t('alerts.rules.firing')}</strong> : t('alerts.rules.quiet')}</td>
                <td>{when(r.lastCheckedAt)}</td>
                <td><input type="checkbox" checked={r.enabled} aria-label={`${t('alerts.rules.enabled')}: ${unitName(r.unit)}`} onChange={() => void changeRule(r.id, { enabled: !r.enabled }).then(refresh)} /></td>
                <td><button type="button" class="chip" onClick={() => confirm(t('alerts.rules.confirmDelete')) && void deleteRule(r.id).then(refresh)}>{t('alerts.rules.delete')}</button></td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>}
      {manages && <RuleForm store={store} units={units} elements={elements} onCreated={refresh} />}
      {manages && <section class="panel" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('alerts.log.heading')}</h2>
        {log.length === 0 ? <p>{t('alerts.log.empty')}</p> : (
          <div class="table-wrap"><table class="table">
            <thead><tr><th scope="col">{t('alerts.log.created')}</th><th scope="col">{t('alerts.log.purpose')}</th><th scope="col">{t('alerts.log.channel')}</th><th scope="col">{t('alerts.log.target')}</th><th scope="col">{t('alerts.log.status')}</th><th scope="col" class="num">{t('alerts.log.attempts')}</th><th scope="col">{t('alerts.log.error')}</th></tr></thead>
            <tbody>{log.map((d) => (
              <tr key={d.id}><td>{when(d.createdAt)}</td><td>{t(`alerts.log.purposes.${d.purpose}`)}</td><td>{d.channel}</td><td>{d.target}</td><td>{t(`alerts.log.statuses.${d.status}`)}</td><td class="num">{d.attempts}</td><td>{d.lastError ?? ''}</td></tr>
            ))}</tbody>
          </table></div>
        )}
      </section>}
      <ContactForm store={store} />
      {admin && key && (
        <section class="panel" aria-labelledby="key-heading">
          <h2 id="key-heading">{t('alerts.key.heading')}</h2>
          <p class="hint">{t('alerts.key.intro')}</p>
          <p><code>{key}</code></p>
        </section>
      )}
    </div>
  );
}
