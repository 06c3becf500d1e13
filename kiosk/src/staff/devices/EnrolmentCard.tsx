import type { StaffStore } from '../staff-store';
import type { Enrolment } from './devices-api';
import { formatInstant } from './format';
import { useFocusOnShow } from './use-focus-on-show';

/** The one-time code, shown once: a QR for the tablet's camera, the link, and the code to type. */
export function EnrolmentCard({ store, name, enrolment, onClose }: { store: StaffStore; name: string; enrolment: Enrolment; onClose: () => void }) {
  const { t } = store;
  return (
    <section class="screen enrolment" aria-labelledby="enrolment-heading">
      <h2 id="enrolment-heading" tabIndex={-1} ref={useFocusOnShow()}>{t('devices.enrolment.heading', { name })}</h2>
      <p>{t('devices.enrolment.howTo', { expires: formatInstant(enrolment.expiresAt, store.lang.value) })}</p>
      <img class="enrolment__qr" src={enrolment.qr} width={240} height={240} alt={t('devices.enrolment.qr', { name })} />
      <dl class="enrolment__facts">
        <dt>{t('devices.enrolment.code')}</dt>
        <dd>
          <code class="enrolment__code">{enrolment.code}</code>
        </dd>
        <dt>{t('devices.enrolment.link')}</dt>
        <dd>
          <code>{enrolment.url}</code>
        </dd>
      </dl>
      <button type="button" class="button button--secondary" onClick={onClose}>
        {t('devices.enrolment.done')}
      </button>
    </section>
  );
}
