import { useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { localize } from '../../shared/translate';
import type { StaffStore } from '../staff-store';
import { saveTargets } from './scores-api';

/** Admins set the index each element should reach; the change is stored and audited by the server. */
export function TargetsForm({ store, def, targets, onSaved }: { store: StaffStore; def: SurveyDefinition; targets: Record<string, number>; onSaved: () => void }) {
  const { t } = store;
  const lang = store.lang.value;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const next = Object.fromEntries(def.elements.map((el) => [el.id, Number(form.get(el.id))]));
    try {
      await saveTargets(def.id, next);
      setMessage({ ok: true, text: t('scores.targets.saved') });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: t('scores.targets.failed', { reason: store.explain(error) }) });
    }
  };
  return (
    <section class="panel" aria-labelledby="scores-targets">
      <h2 id="scores-targets">{t('scores.targets.heading')}</h2>
      <form class="targets" onSubmit={submit}>
        {def.elements.map((el) => (
          <label key={el.id} class="field">
            <span>{localize(el.title, lang)}</span>
            <input name={el.id} type="number" min="0" max="100" step="0.5" required value={targets[el.id] ?? 90} />
          </label>
        ))}
        <button type="submit" class="button button--primary">{t('scores.targets.save')}</button>
      </form>
      {message && <p class={message.ok ? 'notice' : 'alert'} role="status">{message.text}</p>}
    </section>
  );
}
