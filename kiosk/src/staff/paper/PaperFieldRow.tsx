import type { Ref } from 'preact';
import type { AnswerValue } from '../../../../survey-defs/check-answers';
import type { LocalizedText } from '../../../../survey-defs/schema';
import { advancesAfterKey, typedAnswer, type PaperField } from './paper-fields';

interface Props {
  field: PaperField;
  number: number;
  value: AnswerValue | undefined;
  lang: string;
  noOpinionLabel: string;
  inputRef: Ref<HTMLInputElement>;
  onAnswer: (value: AnswerValue | null) => void;
  onNext: () => void;
}

const say = (text: LocalizedText, lang: string) => text[lang] ?? text.vi;

/** One question of a paper form: a digit answers it and moves on; Backspace clears it. */
export function PaperFieldRow({ field, number, value, lang, noOpinionLabel, inputRef, onAnswer, onNext }: Props) {
  const id = `paper-${field.id}`;
  const keys = field.kind === 'rating'
    ? [...field.levels.map((l) => `${l.value} ${say(l.label, lang)}`), ...(field.noOpinion ? [`0 ${noOpinionLabel}`] : [])]
    : field.kind === 'text' ? [] : field.options.map((o, i) => `${i + 1} ${say(o.label, lang)}`);
  const chosen = describe(field, value, lang, noOpinionLabel);
  const shown = value === undefined ? '' : field.kind === 'rating' ? String(value) : field.kind === 'text' ? String(value) : numbersOf(field, value);
  return (
    <li class="paper-field">
      <label for={id} class="paper-field__text">{number}. {say(field.text, lang)}</label>
      {field.kind === 'text' ? (
        <input id={id} ref={inputRef} class="paper-field__input paper-field__input--text" type="text" maxLength={field.maxLength} autoComplete="off" value={shown}
          onInput={(e) => onAnswer(e.currentTarget.value.trim() ? e.currentTarget.value : null)} />
      ) : (
        <input id={id} ref={inputRef} class="paper-field__input" type="text" inputMode="numeric" autoComplete="off" value={shown} aria-describedby={`${id}-keys ${id}-chosen`}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return;
            e.preventDefault();
            const next = typedAnswer(field, e.key, value);
            if (next === undefined) return;
            onAnswer(next);
            if (next !== null && advancesAfterKey(field)) onNext();
          }}
          onInput={(e) => { e.currentTarget.value = shown; }} />
      )}
      <span id={`${id}-chosen`} class="paper-field__chosen" aria-live="polite">{chosen}</span>
      {keys.length > 0 && <span id={`${id}-keys`} class="paper-field__keys">{keys.join(' · ')}</span>}
    </li>
  );
}

function numbersOf(field: Extract<PaperField, { kind: 'single' | 'multi' }>, value: AnswerValue): string {
  const ids = Array.isArray(value) ? value : [String(value)];
  return ids.map((o) => field.options.findIndex((x) => x.id === o) + 1).filter((n) => n > 0).join(',');
}

function describe(field: PaperField, value: AnswerValue | undefined, lang: string, noOpinionLabel: string): string {
  if (value === undefined || field.kind === 'text') return '';
  if (field.kind === 'rating') return value === 0 ? noOpinionLabel : say(field.levels.find((l) => l.value === value)?.label ?? { vi: '' }, lang);
  const ids = Array.isArray(value) ? value : [String(value)];
  return ids.map((o) => say(field.options.find((x) => x.id === o)?.label ?? { vi: o }, lang)).join(', ');
}
