import type { ComponentChildren, Ref } from 'preact';
import type { AnswerValue, Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import { localize } from './i18n';
import { ProgressBar } from './ProgressBar';
import { StepQuestions } from './StepQuestions';
import type { Step } from './survey-steps';

interface Props {
  def: SurveyDefinition;
  step: Step;
  index: number;
  total: number;
  answers: Answers;
  lang: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  onAnswer: (questionId: string, value: AnswerValue) => void;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The buttons under the questions (next, back, send), which differ by page. */
  children: ComponentChildren;
}

/**
 * One screen of the full questionnaire as the kiosk and the phone show it (and the staff
 * editor's preview): progress, heading, the element's criteria or the section's questions.
 */
export function StepView({ def, step, index, total, answers, lang, t, onAnswer, headingRef, children }: Props) {
  return (
    <section class="screen" aria-labelledby="step-heading">
      <ProgressBar current={index + 1} total={total} label={t('progress', { current: index + 1, total })} />
      <h1 id="step-heading" tabIndex={-1} ref={headingRef}>
        {step.title ? localize(step.title, lang) : t('nav.next')}
      </h1>
      <StepQuestions def={def} step={step} answers={answers} lang={lang} t={t} onAnswer={onAnswer} />
      {children}
    </section>
  );
}
