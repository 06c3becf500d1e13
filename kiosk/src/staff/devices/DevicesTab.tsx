import { useEffect, useState } from 'preact/hooks';
import './devices.css';
import type { StaffStore } from '../staff-store';
import { DeviceSettingsForm } from './DeviceSettingsForm';
import { deviceChoices, listDevices, newEnrolmentCode, revokeDevice, type DeviceChoices, type DeviceView, type Enrolment } from './devices-api';
import { DeviceTable } from './DeviceTable';
import { EnrolmentCard } from './EnrolmentCard';
import { RegisterDeviceForm } from './RegisterDeviceForm';

/** The kiosk tablets of the person's units: register, enrol, configure, revoke, and watch them work. */
export function DevicesTab({ store }: { store: StaffStore }) {
  const { t } = store;
  const canManage = store.user.value?.role !== 'viewer';
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [choices, setChoices] = useState<DeviceChoices | null>(null);
  const [shownCode, setShownCode] = useState<{ name: string; enrolment: Enrolment } | null>(null);
  const [editing, setEditing] = useState<DeviceView | null>(null);
  const [error, setError] = useState('');

  const fail = (e: unknown) => setError(t('common.error', { message: store.explain(e) }));
  const refresh = () => listDevices().then(setDevices, fail);
  useEffect(() => {
    void refresh();
    if (canManage) deviceChoices().then(setChoices, fail);
  }, []);

  const act = (work: Promise<unknown>) => work.then(refresh, fail);
  if (!devices) return error ? <p class="alert" role="alert">{error}</p> : <p class="hint">{t('common.loading')}</p>;
  return (
    <div class="devices-tab">
      <section class="screen" aria-labelledby="devices-heading">
        <h1 id="devices-heading">{t('devices.heading')}</h1>
        <p>{t('devices.intro')}</p>
        {error && <p class="alert" role="alert">{error}</p>}
        {devices.length === 0 ? (
          <p>{t('devices.empty')}</p>
        ) : (
          <DeviceTable
            store={store}
            devices={devices}
            canManage={canManage}
            onSettings={setEditing}
            onNewCode={(d) => act(newEnrolmentCode(d.id).then(({ enrolment }) => setShownCode({ name: d.name, enrolment })))}
            onRevoke={(d) => act(revokeDevice(d.id))}
          />
        )}
        <p class="hint">{t('devices.flaggedNote')}</p>
        <button type="button" class="button button--secondary" onClick={() => void refresh()}>{t('devices.refresh')}</button>
      </section>
      {shownCode && <EnrolmentCard store={store} name={shownCode.name} enrolment={shownCode.enrolment} onClose={() => setShownCode(null)} />}
      {editing && <DeviceSettingsForm store={store} device={editing} surveys={choices?.surveys ?? []} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); void refresh(); }} />}
      {canManage && choices && (
        <RegisterDeviceForm store={store} choices={choices} onRegistered={(device, enrolment) => { setShownCode({ name: device.name, enrolment }); void refresh(); }} />
      )}
    </div>
  );
}
