import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { inboxApi, type ItemDetail } from './inbox-api';

/** The sender's contact, fetched only when asked (each view is audited) and forgotten with the item. */
export function ContactPanel({ store, item }: { store: StaffStore; item: ItemDetail }) {
  const { t } = store;
  const [contact, setContact] = useState<{ kind: string; value: string } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => setContact(null), [item.id]);
  let body;
  if (!item.hasContact) body = <p>{t('feedback.contact.none')}</p>;
  else if (!item.canReadContact) body = <p class="hint">{t('feedback.contact.noRight')}</p>;
  else if (contact) body = <p><strong>{t(`feedback.contact.${contact.kind}`)}:</strong> <span class="fb-contact">{contact.value}</span></p>;
  else {
    body = (
      <>
        <button type="button" class="button button--secondary" onClick={() => inboxApi.contact(item.id).then(setContact, (e: unknown) => setError(store.explain(e)))}>
          {t('feedback.contact.show')}
        </button>
        <p class="hint">{t('feedback.contact.audited')}</p>
      </>
    );
  }
  return (
    <div class="fb-block">
      <h3 class="fb-block__label">{t('feedback.contact.heading')}</h3>
      {body}
      {error && <p class="alert" role="alert">{t('common.error', { message: error })}</p>}
    </div>
  );
}
