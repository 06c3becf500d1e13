import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatInstantDate } from '../../shared/feedback/format-date';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { AssignForm } from './AssignForm';
import { ContactPanel } from './ContactPanel';
import { EventHistory } from './EventHistory';
import { inboxApi, type ItemDetail } from './inbox-api';
import { procedureName, unitName, type Organisation } from './organisation';
import { PublicationEditor } from './PublicationEditor';
import { StatusActions } from './StatusActions';
import { TextEditor } from './TextEditor';

const KNOWN_ERRORS: Record<string, string> = { reply_required: 'feedback.actions.needReply', not_answered: 'feedback.publish.needAnswer' };

/** One item: what was sent, and everything staff do with it. */
export function ItemDetailView({ store, org, id, onBack }: { store: StaffStore; org: Organisation; id: string; onBack: () => void }) {
  const { t, lang, user } = store;
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    inboxApi.detail(id).then(setItem, (e: unknown) => setError(store.explain(e)));
  }, [id]);
  useEffect(() => heading.current?.focus(), [item?.id]);

  /** Runs one change; the server answers with the item as it now is. */
  const run = async (change: (id: string) => Promise<ItemDetail>) => {
    setError('');
    setNotice('');
    try {
      setItem(await change(id));
      setNotice(t('feedback.saved'));
    } catch (e) {
      const code = e instanceof ApiError ? KNOWN_ERRORS[e.code] : undefined;
      setError(code ? t(code) : t('common.error', { message: store.explain(e) }));
    }
  };
  const l = lang.value;
  const back = <button type="button" class="button button--secondary" onClick={onBack}>{t('feedback.detail.back')}</button>;
  if (!item) return <div>{back}{error ? <p class="alert" role="alert">{error}</p> : <p class="hint">{t('common.loading')}</p>}</div>;
  const canChange = user.value?.role !== 'viewer';

  return (
    <article class="fb-detail" aria-labelledby="fb-detail-heading">
      {back}
      <h2 id="fb-detail-heading" tabIndex={-1} ref={heading}>
        {t('feedback.detail.heading', { ref: item.ref })} · {t(`feedback.kinds.${item.kind}`)}{' '}
        <span class="fb-badge">{t(`feedback.status.${item.status}`)}</span>
        {item.overdue && <span class="fb-badge fb-badge--overdue">{t('feedback.overdue')}</span>}
      </h2>
      <p class="fb-live" role="status">{notice}</p>
      {error && <p class="alert" role="alert">{error}</p>}
      <div class="fb-detail__grid">
        <div>
          <dl class="fb-facts">
            <dt>{t('feedback.columns.unit')}</dt>
            <dd>{unitName(org, item.unit, l)}</dd>
            {item.procedure && (<><dt>{t('feedback.detail.procedure')}</dt><dd>{procedureName(org, item.procedure, l)}</dd></>)}
            <dt>{t('feedback.detail.channel')}</dt>
            <dd>{t(`feedback.channels.${item.channel}`)}</dd>
            <dt>{t('feedback.detail.received')}</dt>
            <dd>{formatInstantDate(item.receivedAt, l)}</dd>
            <dt>{t('feedback.detail.due')}</dt>
            <dd>{formatDate(item.dueDate, l)}</dd>
            {item.answeredAt && (<><dt>{t('feedback.detail.answered')}</dt><dd>{formatInstantDate(item.answeredAt, l)}</dd></>)}
          </dl>
          <h3>{t('feedback.detail.text')}</h3>
          <p class="fb-quote">{item.text}</p>
          <ContactPanel store={store} item={item} />
          <EventHistory store={store} org={org} events={item.events} />
        </div>
        <div>
          {!canChange && <p class="hint">{t('feedback.detail.readOnly')}</p>}
          {canChange && <StatusActions store={store} item={item} run={run} />}
          {canChange && item.status !== 'closed' && <AssignForm store={store} org={org} item={item} run={run} />}
          <TextEditor
            id="fb-reply" label={t('feedback.reply.heading')} hint={t('feedback.reply.hint')} save={t('feedback.reply.save')}
            value={item.reply} readOnly={!canChange || item.status === 'closed'} onSave={(reply) => run((id) => inboxApi.reply(id, reply))}
          />
          <TextEditor
            id="fb-note" label={t('feedback.note.heading')} hint={t('feedback.note.hint')} save={t('feedback.note.save')}
            value={item.internalNote} readOnly={!canChange} onSave={(note) => run((id) => inboxApi.note(id, note))}
          />
          <PublicationEditor store={store} item={item} readOnly={!canChange} run={run} />
        </div>
      </div>
    </article>
  );
}
