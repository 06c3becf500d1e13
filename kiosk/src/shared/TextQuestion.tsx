import type { Question } from '../../../survey-defs/schema';
import { localize } from './i18n';

type TextQuestionDef = Extract<Question, { type: 'text' }>;

interface Props {
  question: TextQuestionDef;
  value: string | undefined;
  lang: string;
  remainingLabel: (count: number) => string;
  onChange: (value: string) => void;
}

export function TextQuestion({ question, value = '', lang, remainingLabel, onChange }: Props) {
  const id = `q-${question.id}`;
  return (
    <div class="text-question">
      <label for={id} class="choice__legend">{localize(question.text, lang)}</label>
      <textarea id={id} rows={4} maxLength={question.maxLength} value={value} onInput={(e) => onChange(e.currentTarget.value)} />
      <p class="hint" aria-live="polite">{remainingLabel(question.maxLength - [...value].length)}</p>
    </div>
  );
}
