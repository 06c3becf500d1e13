import { useEffect, useRef, useState } from 'preact/hooks';
import { parseContact } from '../../../../server/feedback/contact-format';
import { FEEDBACK_LIMITS, type FeedbackKind } from '../../../../server/feedback/feedback-rules';
import { errorText } from '../error-text';
import { randomId } from '../random-id';
import { fetchFormChoices, sendFeedback, type FormChoices, type SentFeedback } from './feedback-api';
import { procedureGroups, unitOptions } from './unit-options';
import './feedback.css';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface FeedbackFormProps {
  t: Translate;
  lang: string;
  channel: 'web' | 'kiosk' | 'qr';
  /** An anonymous id of this device (or the kiosk's own), for the server's rate limits. */
  deviceId: string;
  /** Chosen in advance: the kiosk's unit, or the unit of the dossier just rated. */
  unit?: string;
  procedure?: string;
  onSent: (sent: SentFeedback) => void;
  onCancel?: () => void;
}

type Field = 'kind' | 'unit' | 'text' | 'contact';

/** The form to send a suggestion, report or complaint; used by the page /gop-y, the kiosk and the phone page. */
export function FeedbackForm({ t, lang, channel, deviceId, unit: presetUnit, procedure: presetProcedure, onSent, onCancel }: FeedbackFormProps) {
  const [choices, setChoices] = useState<FormChoices | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [kind, setKind] = useState<FeedbackKind | ''>('');
  const [unit, setUnit] = useState(presetUnit ?? '');
  const [procedure, setProcedure] = useState(presetProcedure ?? '');
  const [text, setText] = useState('');
  const [wantsReply, setWantsReply] = useState(false);
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState('');
  const [sending, setSending] = useState(false);
  // The same id for a retry of the same content, so the server stores it once; a new one otherwise.
  const attempt = useRef({ id: randomId(), content: '' });
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    fetchFormChoices().then(setChoices, () => setLoadFailed(true));
  }, []);

  if (loadFailed) return <p class="alert" role="alert">{t('feedback.loadFailed')}</p>;
  if (!choices) return <p class="hint">{t('load.loading')}</p>;

  const { min, max } = FEEDBACK_LIMITS.text;
  const length = [...text.trim()].length;
  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `fb-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) => errors[field] && <p class="fb-error" id={`fb-${field}-error`}>{errors[field]}</p>;

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!kind) found.kind = t('feedback.errors.kind');
    if (!unit) found.unit = t('feedback.errors.unit');
    if (length < min) found.text = t('feedback.errors.text', { min });
    if (wantsReply && !parseContact(contact)) found.contact = t('feedback.errors.contact');
    setErrors(found);
    setFailure('');
    const first = (Object.keys(found) as Field[])[0];
    if (first || !kind) {
      // After the errors are drawn, so the field is read out with its error.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus());
      return;
    }
    const item = {
      kind, unit, text, channel, device: deviceId,
      ...(procedure ? { procedure } : {}),
      ...(wantsReply ? { contact: contact.trim(), consent: true } : {}),
    };
    const content = JSON.stringify(item);
    if (attempt.current.content !== content) attempt.current = { id: randomId(), content };
    setSending(true);
    const outcome = await sendFeedback({ id: attempt.current.id, ...item });
    setSending(false);
    if (outcome.ok) onSent(outcome.sent);
    else setFailure(errorText(t, outcome.error));
  };

  return (
    <form class="fb-form" ref={form} onSubmit={submit} noValidate>
      <fieldset class="choice" aria-describedby={describedBy('kind')}>
        <legend class="choice__legend">{t('feedback.kind.legend')}</legend>
        <div class="choice__options">
          {choices.kinds.map((k, i) => (
            <label key={k} class={`option fb-kind${kind === k ? ' option--chosen' : ''}`}>
              <input type="radio" name="fb-kind" value={k} checked={kind === k} data-field={i === 0 ? 'kind' : undefined} onChange={() => setKind(k)} />
              <span class="fb-kind__text">
                <span class="fb-kind__name">{t(`feedback.kind.${k}`)}</span>
                <span class="fb-kind__hint">{t(`feedback.kind.${k}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {error('kind')}
      </fieldset>

      <div class="fb-field">
        <label class="fb-field__label" for="fb-unit">{t('feedback.unit')}</label>
        <select id="fb-unit" class="fb-input" data-field="unit" value={unit} aria-invalid={!!errors.unit} aria-describedby={describedBy('unit')} onChange={(e) => setUnit(e.currentTarget.value)}>
          <option value="">{t('feedback.unitChoose')}</option>
          {unitOptions(choices.units, lang).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </select>
        {error('unit')}
      </div>

      <div class="fb-field">
        <label class="fb-field__label" for="fb-procedure">{t('feedback.procedure')}</label>
        <select id="fb-procedure" class="fb-input" value={procedure} onChange={(e) => setProcedure(e.currentTarget.value)}>
          <option value="">{t('feedback.procedureNone')}</option>
          {procedureGroups(choices.procedures, lang).map((g) => (
            <optgroup key={g.field} label={g.field}>
              {g.options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
            </optgroup>
          ))}
        </select>
      </div>

      <div class="fb-field">
        <label class="fb-field__label" for="fb-text">{t('feedback.text')}</label>
        <textarea id="fb-text" data-field="text" rows={6} maxLength={max} value={text} aria-invalid={!!errors.text} aria-describedby={describedBy('text', 'fb-text-count')} onInput={(e) => setText(e.currentTarget.value)} />
        <p class="hint" id="fb-text-count" aria-live="polite">{t('feedback.remaining', { count: max - [...text].length })}</p>
        {error('text')}
      </div>

      <label class={`option fb-consent${wantsReply ? ' option--chosen' : ''}`}>
        <input type="checkbox" checked={wantsReply} onChange={(e) => setWantsReply(e.currentTarget.checked)} />
        <span>{t('feedback.privateReply')}</span>
      </label>
      {wantsReply && (
        <div class="fb-field">
          <label class="fb-field__label" for="fb-contact">{t('feedback.contact')}</label>
          <input id="fb-contact" class="fb-input" data-field="contact" type="text" autoComplete="off" maxLength={FEEDBACK_LIMITS.contact} value={contact} aria-invalid={!!errors.contact} aria-describedby={describedBy('contact', 'fb-contact-hint')} onInput={(e) => setContact(e.currentTarget.value)} />
          <p class="hint" id="fb-contact-hint">{t('feedback.contactHint')}</p>
          {error('contact')}
        </div>
      )}

      <p class="hint">{t('feedback.anonymous', { days: choices.handlingDays })}</p>
      {failure && <p class="alert" role="alert">{failure}</p>}
      <div class="nav">
        {onCancel && <button type="button" class="button button--secondary" onClick={onCancel}>{t('feedback.cancel')}</button>}
        <button type="submit" class="button button--primary" disabled={sending}>{sending ? t('feedback.sending') : t('feedback.submit')}</button>
      </div>
    </form>
  );
}
