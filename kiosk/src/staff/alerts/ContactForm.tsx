import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { loadContact, saveContact } from './alerts-api';

/** The staff member's own e-mail address, where alerts and the weekly digest go. */
export function ContactForm({ store }: { store: StaffStore }) {
  const { t } = store;
  const [email, setEmail] = useState('');
  const [digest, setDigest] = useState(true);
  const [message, setMessage] = useState('');
  useEffect(() => {
    loadContact().then((c) => {
      setEmail(c.email ?? '');
      setDigest(c.weeklyDigest);
    }, () => undefined);
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await saveContact({ email: email.trim() || null, weeklyDigest: digest });
      setMessage(t('alerts.contact.saved'));
    } catch (error) {
      setMessage(t('common.error', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };
  return (
    <form class="panel form-grid" onSubmit={submit} aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('alerts.contact.heading')}</h2>
      <label>{t('alerts.contact.email')}<input type="email" autoComplete="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} /></label>
      <label class="check"><input type="checkbox" checked={digest} onChange={() => setDigest(!digest)} /> {t('alerts.contact.digest')}</label>
      <div><button type="submit" class="button button--primary">{t('alerts.contact.save')}</button></div>
      <p role="status" class="hint">{message}</p>
    </form>
  );
}
