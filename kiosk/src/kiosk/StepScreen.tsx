import { useEffect, useRef } from 'preact/hooks';
import { StepView } from '../shared/StepView';
import { SendBar } from './SendBar';
import { useKiosk } from './store-context';

/** One element (or one section of other questions) of the full questionnaire per screen. */
export function StepScreen({ index }: { index: number }) {
  const store = useKiosk();
  const { t, lang, answers, steps, full } = store;
  const def = full.value!;
  const step = steps.value[index]!;
  const total = steps.value.length;
  const last = index === total - 1;
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the new heading so screen readers and switch users start at the top.
  useEffect(() => heading.current?.focus(), [index]);

  return (
    <StepView def={def} step={step} index={index} total={total} answers={answers.value} lang={lang.value} t={t} onAnswer={(id, v) => store.answer(id, v)} headingRef={heading}>
      {last ? (
        <SendBar onBack={() => store.go(index - 1)} />
      ) : (
        <div class="nav">
          <button type="button" class="button button--secondary" onClick={() => store.go(index - 1)}>
            {index === 0 ? t('nav.restart') : t('nav.back')}
          </button>
          <button type="button" class="button button--primary" onClick={() => store.go(index + 1)}>
            {t('nav.next')}
          </button>
        </div>
      )}
    </StepView>
  );
}
