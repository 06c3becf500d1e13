import { usePhone } from './store-context';

/** Which dossier the rating is about: procedure, unit and official, as the invitation says. */
export function InvitationAbout() {
  const { invitation, t, lang } = usePhone();
  const inv = invitation.value;
  if (!inv) return null;
  const name = (n: Record<string, string>) => n[lang.value] ?? n.vi ?? '';
  return (
    <section class="about" aria-label={t('phone.about.heading')}>
      <dl class="about__list">
        <dt>{t('phone.about.procedure')}</dt>
        <dd>{name(inv.procedure.name)}</dd>
        <dt>{t('phone.about.unit')}</dt>
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
