import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { loadContact, saveContact } from './alerts-api';

/** The staff member's own e-mail address, where alerts and the weekly digest go. */
export function ContactForm({ store }: { store: StaffStore }) {
  const { t } = store;
  const [email, setEmail] = useState('');
  const [digest, setDigest] = useState(true);
  const [message, setMessage] = useState('');
  // Closed until the stored address is in: one typed before it arrived would be overwritten by it.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    loadContact().then((c) => {
      setEmail(c.email ?? '');
      setDigest(c.weeklyDigest);
    }, (error: unknown) => setMessage(t('common.error', { message: store.explain(error) })))
      .finally(() => setLoaded(true));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await saveContact({ email: email.trim() || null, weeklyDigest: digest });
      setMessage(t('alerts.contact.saved'));
    } catch (error) {
      setMessage(t('common.error', { message: store.explain(error) }));
    }
  };
  return (
    <form class="panel form-grid" onSubmit={submit} aria-labelledby="contact-heading" aria-busy={!loaded}>
      <h2 id="contact-heading">{t('alerts.contact.heading')}</h2>
      <label>{t('alerts.contact.email')}<input type="email" autoComplete="email" disabled={!loaded} value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} /></label>
      <label class="check"><input type="checkbox" disabled={!loaded} checked={digest} onChange={() => setDigest(!digest)} /> {t('alerts.contact.digest')}</label>
      <div><button type="submit" class="button button--primary" disabled={!loaded}>{t('alerts.contact.save')}</button></div>
      <p role="status" class="hint">{message}</p>
    </form>
  );
}
