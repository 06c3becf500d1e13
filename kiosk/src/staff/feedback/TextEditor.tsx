import { useEffect, useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  hint: string;
  save: string;
  value: string;
  readOnly: boolean;
  onSave: (value: string) => Promise<void>;
}

/** A labelled text box with its own save button (the reply, the internal note). */
export function TextEditor({ id, label, hint, save, value, readOnly, onSave }: Props) {
  const [draft, setDraft] = useState(value);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(value), [value]);
  return (
    <div class="fb-block">
      <label class="fb-block__label" for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>{hint}</p>
      <textarea id={id} rows={5} maxLength={4000} value={draft} readOnly={readOnly} aria-describedby={`${id}-hint`} onInput={(e) => setDraft(e.currentTarget.value)} />
      {!readOnly && (
        <button type="button" class="button button--secondary" disabled={busy || draft === value} onClick={async () => { setBusy(true); await onSave(draft); setBusy(false); }}>
          {save}
        </button>
      )}
    </div>
  );
}
