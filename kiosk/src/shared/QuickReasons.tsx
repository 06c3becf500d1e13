import type { Ref } from 'preact';
import type { AnswerValue, Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import { ChoiceQuestion } from './ChoiceQuestion';
import { localize } from './i18n';

interface Props {
  def: SurveyDefinition;
  answers: Answers;
  lang: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  onAnswer: (questionId: string, value: AnswerValue) => void;
  /** The heading's ref, for screens that move focus to it. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** After a level of the quick rating is chosen: the level named back, and the optional reasons. */
export function QuickReasons({ def, answers, lang, t, onAnswer, headingRef }: Props) {
  const criterion = def.elements[0]!.criteria[0]!;
  const level = def.scales[criterion.scale]!.levels.find((l) => l.value === answers.overall);
  const reasons = def.questions.flatMap((q) => (q.type === 'text' ? [] : [q]));
  return (
    <>
      <h1 id="reasons-heading" tabIndex={-1} ref={headingRef}>{t('reasons.heading', { level: level ? localize(level.label, lang) : '' })}</h1>
      <p class="hint">{t('reasons.hint')}</p>
      {reasons.map((q) => (
        <ChoiceQuestion key={q.id} question={q} lang={lang} value={answers[q.id] as string[] | undefined} onChange={(v) => onAnswer(q.id, v)} />
      ))}
    </>
  );
}
