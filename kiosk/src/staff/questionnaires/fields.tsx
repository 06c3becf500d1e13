// The editor's form fields: each with its label and the DOM id an issue links to.
import type { ComponentChildren } from 'preact';
import type { LocalizedText } from '../../../../survey-defs/schema';
import type { Path } from './draft-model';
import { setText } from './draft-model';
import { fieldId } from './issue-words';

export type T = (key: string, params?: Record<string, string | number>) => string;

const LANGS = ['vi', 'en'] as const;

/** A label starts with a capital; the field names are lower case to fit inside issue sentences. */
const cap = (words: string) => words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);

interface TextsProps {
  t: T;
  label: string;
  path: Path;
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText | undefined) => void;
  /** An optional text (help): both languages empty remove it. */
  optional?: boolean;
  multiline?: boolean;
}

/** One text in Vietnamese and English side by side. */
export function LocalizedFields({ t, label, path, value, onChange, optional, multiline }: TextsProps) {
  const change = (lang: string, words: string) => {
    const next = setText(value, lang, words);
    onChange(optional && Object.values(next).every((w) => w === '') ? undefined : next);
  };
  return (
    <fieldset class="qe-texts">
      <legend>{cap(label)}</legend>
      {LANGS.map((lang) => {
        const id = fieldId([...path, lang]);
        const props = { id, lang, value: value?.[lang] ?? '', onInput: (e: Event) => change(lang, (e.currentTarget as HTMLInputElement).value) };
        return (
          <label class="field qe-texts__lang" key={lang} for={id}>
            <span>
              <span class="visually-hidden">{label}, </span>
              {t(`questionnaires.languages.${lang}Title`)}
            </span>
            {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
          </label>
        );
      })}
    </fieldset>
  );
}

export function TextField({ label, path, value, onChange, hint }: { label: string; path: Path; value: string; onChange: (v: string) => void; hint?: string }) {
  const id = fieldId(path);
  return (
    <label class="field" for={id}>
      {cap(label)}
      {hint && <span class="hint">{hint}</span>}
      <input id={id} type="text" value={value} onInput={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}

export function NumberField({ label, path, value, onChange, min, step }: { label: string; path: Path; value: number | undefined; onChange: (v: number) => void; min?: number; step?: number }) {
  const id = fieldId(path);
  return (
    <label class="field qe-number" for={id}>
      {cap(label)}
      <input id={id} type="number" min={min} step={step ?? 1} value={value ?? ''} onInput={(e) => onChange(e.currentTarget.valueAsNumber)} />
    </label>
  );
}

export function Checkbox({ label, path, checked, onChange }: { label: string; path: Path; checked: boolean; onChange: (v: boolean) => void }) {
  const id = fieldId(path);
  return (
    <label class="qe-check" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {cap(label)}
    </label>
  );
}

export function SelectField({ label, path, value, onChange, children }: { label: string; path: Path; value: string; onChange: (v: string) => void; children: ComponentChildren }) {
  const id = fieldId(path);
  return (
    <label class="field" for={id}>
      {cap(label)}
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </label>
  );
}
