import { usePhone } from './store-context';

/** Which dossier the rating is about (procedure, unit, official), or the unit of an open link. */
export function InvitationAbout() {
  const { invitation, t, lang } = usePhone();
  const inv = invitation.value;
  if (!inv) return null;
  const name = (n: Record<string, string>) => n[lang.value] ?? n.vi ?? '';
  return (
    <section class="about" aria-label={t('phone.about.heading')}>
      <dl class="about__list">
        {inv.procedure && (
          <>
            <dt>{t('phone.about.procedure')}</dt>
            <dd>{name(inv.procedure.name)}</dd>
          </>
        )}
        <dt>{inv.procedure ? t('phone.about.unit') : t('phone.about.office')}</dt>
        <dd>{name(inv.unit.name)}</dd>
        {inv.official && (
          <>
            <dt>{t('phone.about.official')}</dt>
            <dd>{inv.official.name}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
