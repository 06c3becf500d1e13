import type { StaffStore } from '../staff-store';
import type { IssuedInvitation } from './invitation-types';

/** The invitation just made: its QR code and code, and the buttons that print the slip. */
export function IssuedCard({ store, issued }: { store: StaffStore; issued: IssuedInvitation }) {
  const { t } = store;
  const qr = `data:image/svg+xml;base64,${btoa(issued.qrSvg)}`;
  return (
    <section class="issued" aria-labelledby="issued-heading">
      <h2 id="issued-heading">{issued.status === 'created' ? t('invitations.issued.created') : t('invitations.issued.existing')}</h2>
      <img class="issued__qr" src={qr} width={160} height={160} alt={t('invitations.issued.qrAlt')} />
      <p>
        {t('invitations.issued.code')} <strong class="issued__code">{issued.shortCode}</strong>
      </p>
      <div class="issued__print">
        <a class="button button--primary" href={`/slips/${issued.id}?layout=thermal&print=1`} target="_blank" rel="noopener">{t('invitations.issued.printThermal')}</a>
        <a class="button button--secondary" href={`/slips/${issued.id}?layout=a5&print=1`} target="_blank" rel="noopener">{t('invitations.issued.printA5')}</a>
      </div>
    </section>
  );
}
