import { QuickReasons } from '../shared/QuickReasons';
import { SendBar } from './SendBar';
import { useKiosk } from './store-context';
import { useFocusHeading } from './use-focus-heading';

/** After a face is tapped: optional reasons, then send. */
export function ReasonsScreen() {
  const store = useKiosk();
  const heading = useFocusHeading();
  const { t, lang, quick, answers } = store;
  return (
    <section class="screen" aria-labelledby="reasons-heading">
      <QuickReasons def={quick.value!} answers={answers.value} lang={lang.value} t={t} onAnswer={(id, v) => store.answer(id, v)} headingRef={heading} />
      <SendBar />
    </section>
  );
}
