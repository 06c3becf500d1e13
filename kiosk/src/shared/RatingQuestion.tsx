import { NO_OPINION } from '../../../survey-defs/check-answers';
import type { Scale } from '../../../survey-defs/schema';
import { Face } from './Face';

interface Props {
  name: string;
  legend: string;
  /** A line under the statement that explains it. */
  help?: string;
  scale: Scale;
  value: number | undefined;
  lang: string;
  noOpinionLabel: string;
  onChange: (value: number) => void;
  /** Large faces for the one-question screens (welcome, phone). */
  large?: boolean;
}

/** A rating as native radio buttons drawn as big tiles: keyboard, switch and screen reader work as usual. */
export function RatingQuestion({ name, legend, help, scale, value, lang, noOpinionLabel, onChange, large }: Props) {
  // Paper forms print the best level first; the screen does the same.
  const levels = [...scale.levels].sort((a, b) => b.value - a.value);
  return (
    <fieldset class={large ? 'rating rating--large' : 'rating'} aria-describedby={help ? `${name}-help` : undefined}>
      <legend class="rating__legend">{legend}</legend>
      {help && <p class="question-help" id={`${name}-help`}>{help}</p>}
      <div class="rating__levels">
        {levels.map((level) => (
          <label class={`tile tile--${level.face}${value === level.value ? ' tile--chosen' : ''}`} key={level.value}>
            <input type="radio" class="tile__input" name={name} value={level.value} checked={value === level.value} onChange={() => onChange(level.value)} />
            <Face kind={level.face} size={large ? 88 : 44} />
            <span class="tile__label">{level.label[lang] ?? level.label.vi}</span>
          </label>
        ))}
        {scale.noOpinion && (
          <label class={`tile tile--no-opinion${value === NO_OPINION ? ' tile--chosen' : ''}`}>
            <input type="radio" class="tile__input" name={name} value={NO_OPINION} checked={value === NO_OPINION} onChange={() => onChange(NO_OPINION)} />
            <span class="tile__label">{noOpinionLabel}</span>
          </label>
        )}
      </div>
    </fieldset>
  );
}
