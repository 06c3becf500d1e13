import { ChoiceQuestion } from '../shared/ChoiceQuestion';
import { localize } from '../shared/i18n';
import { SendBar } from './SendBar';
import { useKiosk } from './store-context';
import { useFocusHeading } from './use-focus-heading';

/** After a face is tapped: optional reasons, then send. */
export function ReasonsScreen() {
  const store = useKiosk();
  const heading = useFocusHeading();
  const { t, lang, quick, answers } = store;
  const def = quick.value!;
  const criterion = def.elements[0]!.criteria[0]!;
  const level = def.scales[criterion.scale]!.levels.find((l) => l.value === answers.value.overall);
  const reasons = def.questions.flatMap((q) => (q.type === 'text' ? [] : [q]));
  return (
    <section class="screen" aria-labelledby="reasons-heading">
      <h1 id="reasons-heading" tabIndex={-1} ref={heading}>{t('reasons.heading', { level: level ? localize(level.label, lang.value) : '' })}</h1>
      <p class="hint">{t('reasons.hint')}</p>
      {reasons.map((q) => (
        <ChoiceQuestion key={q.id} question={q} lang={lang.value} value={answers.value[q.id] as string[] | undefined} onChange={(v) => store.answer(q.id, v)} />
      ))}
      <SendBar />
    </section>
  );
}
