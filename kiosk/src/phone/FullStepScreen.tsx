import { localize } from '../shared/i18n';
import { ProgressBar } from '../shared/ProgressBar';
import { StepQuestions } from '../shared/StepQuestions';
import { PhoneSendBar } from './PhoneSendBar';
import { usePhone } from './store-context';

/** One element (or one section of other questions) of the full questionnaire per screen. */
export function FullStepScreen({ index }: { index: number }) {
  const store = usePhone();
  const { t, lang, answers, steps, full } = store;
  const def = full.value!;
  const step = steps.value[index]!;
  const total = steps.value.length;
  return (
    <section class="screen" aria-labelledby="step-heading">
      <ProgressBar current={index + 1} total={total} label={t('progress', { current: index + 1, total })} />
      <h1 id="step-heading" tabIndex={-1}>
        {step.title ? localize(step.title, lang.value) : t('nav.next')}
      </h1>
      <StepQuestions def={def} step={step} answers={answers.value} lang={lang.value} t={t} onAnswer={(id, v) => store.answer(id, v)} />
      {index === total - 1 ? (
        <PhoneSendBar def={def} backLabel={t('nav.back')} onBack={() => store.go(index - 1)} />
      ) : (
        <div class="nav">
          <button type="button" class="button button--secondary" onClick={() => store.go(index - 1)}>
            {t('nav.back')}
          </button>
          <button type="button" class="button button--primary" onClick={() => store.go(index + 1)}>
            {t('nav.next')}
          </button>
        </div>
      )}
    </section>
  );
}
