import type { Question } from '../../../survey-defs/schema';
import { localize } from './i18n';

type ChoiceQuestionDef = Extract<Question, { type: 'single' | 'multi' }>;

interface Props {
  question: ChoiceQuestionDef;
  value: string | string[] | undefined;
  lang: string;
  onChange: (value: string | string[]) => void;
}

/** One option (radio) or several (checkboxes), as large tiles. */
export function ChoiceQuestion({ question, value, lang, onChange }: Props) {
  const multi = question.type === 'multi';
  const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
  const toggle = (id: string) => {
    if (!multi) return onChange(id);
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange([...next]);
  };
  return (
    <fieldset class="choice" aria-describedby={question.help ? `${question.id}-help` : undefined}>
      <legend class="choice__legend">{localize(question.text, lang)}</legend>
      {question.help && <p class="question-help" id={`${question.id}-help`}>{localize(question.help, lang)}</p>}
      <div class="choice__options">
        {question.options.map((option) => (
          <label class={`option${chosen.has(option.id) ? ' option--chosen' : ''}`} key={option.id}>
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={question.id}
              value={option.id}
              checked={chosen.has(option.id)}
              onChange={() => toggle(option.id)}
            />
            <span>{localize(option.label, lang)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
