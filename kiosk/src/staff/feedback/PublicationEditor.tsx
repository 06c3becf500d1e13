import { useEffect, useState } from 'preact/hooks';
import { redactText } from '../../../../server/feedback/redact-text';
import type { StaffStore } from '../staff-store';
import { inboxApi, type ItemDetail } from './inbox-api';

type Run = (change: (id: string) => Promise<ItemDetail>) => Promise<void>;

/** Whether the public page may show the item, which phrases it leaves out, and how it will read. */
export function PublicationEditor({ store, item, readOnly, run }: { store: StaffStore; item: ItemDetail; readOnly: boolean; run: Run }) {
  const { t } = store;
  const [publishable, setPublishable] = useState(item.publishable);
  const [phrases, setPhrases] = useState(item.redactions);
  const [phrase, setPhrase] = useState('');
  useEffect(() => {
    setPublishable(item.publishable);
    setPhrases(item.redactions);
  }, [item]);
  const answered = item.status === 'answered' || item.status === 'closed';
  const add = (text: string) => {
    const clean = text.trim();
    if (clean && !phrases.includes(clean)) setPhrases([...phrases, clean]);
    setPhrase('');
  };
  const addSelection = () => add(window.getSelection()?.toString() ?? '');

  return (
    <form class="fb-block" aria-labelledby="fb-publish-heading" onSubmit={(e) => { e.preventDefault(); void run((id) => inboxApi.publication(id, publishable, phrases)); }}>
      <h3 id="fb-publish-heading" class="fb-block__label">{t('feedback.publish.heading')}</h3>
      {!answered && <p class="hint">{t('feedback.publish.needAnswer')}</p>}
      <label class="fb-check">
        <input type="checkbox" checked={publishable} disabled={readOnly || (!answered && !publishable)} onChange={(e) => setPublishable(e.currentTarget.checked)} />
        <span>{t('feedback.publish.allow')}</span>
      </label>
      <p class="fb-block__label" id="fb-redactions-label">{t('feedback.publish.redactions')}</p>
      <ul class="fb-phrases" aria-labelledby="fb-redactions-label">
        {phrases.map((p) => (
          <li key={p}>
            <span>{p}</span>
            {!readOnly && <button type="button" class="chip fb-chip" aria-label={t('feedback.publish.remove', { phrase: p })} onClick={() => setPhrases(phrases.filter((x) => x !== p))}>×</button>}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div class="fb-buttons">
          <label class="field fb-grow">
            <span>{t('feedback.publish.phrase')}</span>
            <input value={phrase} maxLength={500} onInput={(e) => setPhrase(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(phrase); } }} />
          </label>
          <button type="button" class="button button--secondary" onClick={() => add(phrase)}>{t('feedback.publish.add')}</button>
          {/* Without the mousedown default, pressing the button keeps the text selected for the click. */}
          <button type="button" class="button button--secondary" onMouseDown={(e) => e.preventDefault()} onClick={addSelection}>
            {t('feedback.publish.addSelection')}
          </button>
        </div>
      )}
      <p class="hint">{t('feedback.publish.auto')}</p>
      <h4 class="fb-block__label">{t('feedback.publish.preview')}</h4>
      <p class="fb-quote">{redactText(item.text, phrases)}</p>
      {item.reply && <p class="fb-reply">{redactText(item.reply, phrases)}</p>}
      {!readOnly && <button type="submit" class="button button--primary">{t('feedback.publish.save')}</button>}
    </form>
  );
}
