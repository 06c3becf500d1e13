import { useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import type { DeviceView } from './devices-api';
import { countWithShare, formatInstant } from './format';

interface Props {
  store: StaffStore;
  devices: DeviceView[];
  canManage: boolean;
  onSettings: (device: DeviceView) => void;
  onNewCode: (device: DeviceView) => void;
  onRevoke: (device: DeviceView) => void;
}

/** One row per device: where it is, whether it is alive, what it holds, and how many answers were flagged. */
export function DeviceTable({ store, devices, canManage, onSettings, onNewCode, onRevoke }: Props) {
  const { t, lang } = store;
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div class="table-wrap">
      <table class="table devices">
        <caption class="visually-hidden">{t('devices.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('devices.table.name')}</th>
            <th scope="col">{t('devices.table.unit')}</th>
            <th scope="col">{t('devices.table.status')}</th>
            <th scope="col">{t('devices.table.lastSeen')}</th>
            <th scope="col" class="num">{t('devices.table.queued')}</th>
            <th scope="col" class="num">{t('devices.table.today')}</th>
            <th scope="col" class="num">{t('devices.table.flaggedToday')}</th>
            <th scope="col" class="num">{t('devices.table.flaggedTotal')}</th>
            {canManage && <th scope="col">{t('devices.table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-device={d.id}>
              <th scope="row">{d.name}</th>
              <td>
                {lang.value === 'vi' ? d.unit.nameVi : d.unit.nameEn}
                {d.official && <div class="hint">{d.official.name}</div>}
              </td>
              <td>
                {t(`devices.status.${d.status}`)}
                {d.enrolmentCodeExpiresAt && <div class="hint">{t('devices.codePending')}</div>}
              </td>
              <td>{d.lastSeenAt ? formatInstant(d.lastSeenAt, lang.value) : t('devices.never')}</td>
              <td class="num">{d.queued}</td>
              <td class="num">{d.counts.today}</td>
              <td class="num">{countWithShare(d.counts.flaggedToday, d.counts.today, lang.value)}</td>
              <td class="num">{countWithShare(d.counts.flaggedTotal, d.counts.total, lang.value)}</td>
              {canManage && (
                <td class="devices__actions">
                  {d.status === 'revoked' ? null : confirming === d.id ? (
                    <>
                      <span>{t('devices.actions.confirmRevoke', { name: d.name })}</span>
                      <button type="button" class="button button--danger" onClick={() => { setConfirming(null); onRevoke(d); }}>{t('devices.actions.confirm')}</button>
                      <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                    </>
                  ) : (
                    <>
                      <button type="button" class="button button--secondary" aria-label={t('devices.actions.settingsOf', { name: d.name })} onClick={() => onSettings(d)}>{t('devices.actions.settings')}</button>
                      <button type="button" class="button button--secondary" aria-label={t('devices.actions.newCodeOf', { name: d.name })} onClick={() => onNewCode(d)}>{t('devices.actions.newCode')}</button>
                      <button type="button" class="button button--secondary" aria-label={t('devices.actions.revokeOf', { name: d.name })} onClick={() => setConfirming(d.id)}>{t('devices.actions.revoke')}</button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
