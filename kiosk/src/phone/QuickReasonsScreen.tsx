import { QuickReasons } from '../shared/QuickReasons';
import { PhoneSendBar } from './PhoneSendBar';
import { usePhone } from './store-context';

/** After a level is chosen: optional reasons, then send. */
export function QuickReasonsScreen() {
  const store = usePhone();
  const { t, lang, quick, answers } = store;
  const def = quick.value!;
  return (
    <section class="screen" aria-labelledby="reasons-heading">
      <QuickReasons def={def} answers={answers.value} lang={lang.value} t={t} onAnswer={(id, v) => store.answer(id, v)} />
      <PhoneSendBar def={def} backLabel={t('phone.reasons.change')} onBack={() => store.backToQuick()} />
    </section>
  );
}
