import { isAsked, type AnswerValue, type Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import { ChoiceQuestion } from './ChoiceQuestion';
import { localize } from './i18n';
import { RatingQuestion } from './RatingQuestion';
import type { Step } from './survey-steps';
import { TextQuestion } from './TextQuestion';

interface Props {
  def: SurveyDefinition;
  step: Step;
  answers: Answers;
  lang: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  onAnswer: (questionId: string, value: AnswerValue) => void;
}

/** The questions of one screen of the full questionnaire: an element's criteria, or a section's questions. */
export function StepQuestions({ def, step, answers, lang, t, onAnswer }: Props) {
  if (step.kind === 'element') {
    return (
      <>
        {step.element.criteria.map((c) => (
          <RatingQuestion
            key={c.id}
            name={c.id}
            legend={localize(c.text, lang)}
            help={c.help ? localize(c.help, lang) : undefined}
            scale={def.scales[c.scale]!}
            value={answers[c.id] as number | undefined}
            lang={lang}
            noOpinionLabel={t('rating.noOpinion')}
            onChange={(v) => onAnswer(c.id, v)}
          />
        ))}
      </>
    );
  }
  return (
    <>
      {step.questions.filter((q) => isAsked(q, answers)).map((q) =>
        q.type === 'text' ? (
          <TextQuestion key={q.id} question={q} lang={lang} value={answers[q.id] as string | undefined} remainingLabel={(count) => t('text.remaining', { count })} onChange={(v) => onAnswer(q.id, v)} />
        ) : (
          <ChoiceQuestion key={q.id} question={q} lang={lang} value={answers[q.id] as string | string[] | undefined} onChange={(v) => onAnswer(q.id, v)} />
        ),
      )}
    </>
  );
}
