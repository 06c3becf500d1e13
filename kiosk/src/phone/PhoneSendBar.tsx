import type { SurveyDefinition } from '../../../survey-defs/schema';
import { SendBar } from '../shared/SendBar';
import { usePhone } from './store-context';

/** The phone page's send bar for a questionnaire. */
export function PhoneSendBar({ def, backLabel, onBack }: { def: SurveyDefinition; backLabel: string; onBack: () => void }) {
  const store = usePhone();
  return <SendBar t={store.t} sending={store.sending.value} failed={store.sendFailed.value} backLabel={backLabel} onBack={onBack} onSend={() => store.submit(def)} />;
}
