import type { Scale } from '../../../survey-defs/schema';
import { localize } from '../shared/i18n';
import { Face } from '../shared/Face';

interface Props {
  scale: Scale;
  lang: string;
  /** The id of the question's visible text, which names the group. */
  labelledBy: string;
  onChoose: (value: number) => void;
}

/**
 * The welcome screen's quick rating as one large button per level: a tap is the answer. Buttons,
 * not radios, so that Tab reaches every face and Space or Enter chooses it (keyboards, switches).
 */
export function QuickFaces({ scale, lang, labelledBy, onChoose }: Props) {
  const levels = [...scale.levels].sort((a, b) => b.value - a.value);
  return (
    <div class="quick-faces" role="group" aria-labelledby={labelledBy}>
      {levels.map((level) => (
        <button type="button" key={level.value} class={`tile quick-faces__face tile--${level.face}`} onClick={() => onChoose(level.value)}>
          <Face kind={level.face} size={88} />
          <span class="tile__label">{localize(level.label, lang)}</span>
        </button>
      ))}
    </div>
  );
}
