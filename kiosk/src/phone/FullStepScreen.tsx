import { ChoiceQuestion } from '../shared/ChoiceQuestion';
import { localize } from '../shared/i18n';
import { ProgressBar } from '../shared/ProgressBar';
import { RatingQuestion } from '../shared/RatingQuestion';
import { TextQuestion } from '../shared/TextQuestion';
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
      {step.kind === 'element'
        ? step.element.criteria.map((c) => (
            <RatingQuestion
              key={c.id}
              name={c.id}
              legend={localize(c.text, lang.value)}
              scale={def.scales[c.scale]!}
              value={answers.value[c.id] as number | undefined}
              lang={lang.value}
              noOpinionLabel={t('rating.noOpinion')}
              onChange={(v) => store.answer(c.id, v)}
            />
          ))
        : step.questions.map((q) =>
            q.type === 'text' ? (
              <TextQuestion key={q.id} question={q} lang={lang.value} value={answers.value[q.id] as string | undefined} remainingLabel={(count) => t('text.remaining', { count })} onChange={(v) => store.answer(q.id, v)} />
            ) : (
              <ChoiceQuestion key={q.id} question={q} lang={lang.value} value={answers.value[q.id] as string | string[] | undefined} onChange={(v) => store.answer(q.id, v)} />
            ),
          )}
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
