import { StepView } from '../shared/StepView';
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
    <StepView def={def} step={step} index={index} total={total} answers={answers.value} lang={lang.value} t={t} onAnswer={(id, v) => store.answer(id, v)}>
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
    </StepView>
  );
}
