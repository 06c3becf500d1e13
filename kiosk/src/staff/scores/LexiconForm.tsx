import { useEffect, useState } from 'preact/hooks';
import type { StaffStore } from '../staff-store';
import { loadLexicon, saveLexicon } from './scores-api';

/** Admins edit the theme lexicon as JSON; the server checks it, re-tags every text and audits the edit. */
export function LexiconForm({ store, onSaved }: { store: StaffStore; onSaved: () => void }) {
  const { t } = store;
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    loadLexicon().then((stored) => setText(JSON.stringify(stored.lexicon, null, 2)), (e: unknown) => setMessage({ ok: false, text: store.explain(e) }));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    let lexicon: unknown;
    try {
      lexicon = JSON.parse(text);
    } catch {
      setMessage({ ok: false, text: t('scores.themes.lexiconBadJson') });
      return;
    }
    try {
      const saved = await saveLexicon(lexicon);
      setMessage({ ok: true, text: t('scores.themes.lexiconSaved', { revision: saved.revision, n: saved.retagged ?? 0 }) });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: t('scores.themes.lexiconFailed', { reason: store.explain(error) }) });
    }
  };
  return (
    <section class="panel" aria-labelledby="scores-lexicon">
      <h2 id="scores-lexicon">{t('scores.themes.lexiconHeading')}</h2>
      <form onSubmit={submit} class="lexicon">
        <label class="field">
          <span>{t('scores.themes.lexiconLabel')}</span>
          <textarea name="lexicon" rows={16} spellcheck={false} aria-describedby="lexicon-hint" value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <p id="lexicon-hint" class="hint">{t('scores.themes.lexiconHint')}</p>
        <button type="submit" class="button button--primary">{t('scores.themes.lexiconSave')}</button>
      </form>
      {message && <p class={message.ok ? 'notice' : 'alert'} role="status">{message.text}</p>}
    </section>
  );
}
