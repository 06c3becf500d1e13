import { useEffect, useState } from 'preact/hooks';
import { fetchFormChoices, fetchTracked, type FormChoices, type TrackedFeedback } from '../shared/feedback/feedback-api';
import { formatDate, formatInstantDate } from '../shared/feedback/format-date';
import { localize } from '../shared/i18n';
import { HandlingRating } from './HandlingRating';
import { LookupForm } from './LookupForm';
import type { PageStore } from './page-store';
import { StatusSteps } from './StatusSteps';

type Loaded = { item: TrackedFeedback; choices: FormChoices | null } | { error: 'notFound' | 'tooMany' | 'failed' };

/** /gop-y/<code>: where the item stands and the agency's answer; never the sender's contact. */
export function TrackPage({ store, code }: { store: PageStore; code: string }) {
  const { t, lang } = store;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    Promise.all([fetchTracked(code), fetchFormChoices().catch(() => null)]).then(
      ([item, choices]) => setLoaded({ item, choices }),
      (e: { status?: number }) => setLoaded({ error: e.status === 404 ? 'notFound' : e.status === 429 ? 'tooMany' : 'failed' }),
    );
  }, [code]);

  if (!loaded) return <p class="hint">{t('load.loading')}</p>;
  if ('error' in loaded) {
    return (
      <>
        <section class="screen" aria-labelledby="fb-track-heading">
          <h1 id="fb-track-heading">{t('feedback.track.heading')}</h1>
          <p class="alert" role="alert">{t(`feedback.track.${loaded.error}`)}</p>
        </section>
        <LookupForm t={t} />
      </>
    );
  }
  const { item, choices } = loaded;
  const unit = choices?.units.find((u) => u.code === item.unit);
  const answered = item.reply !== null;
  return (
    <section class="screen" aria-labelledby="fb-track-heading">
      <h1 id="fb-track-heading">{t('feedback.track.heading')}</h1>
      <StatusSteps t={t} status={item.status} />
      <dl class="fb-facts">
        <dt>{t('feedback.track.code')}</dt>
        <dd class="fb-mono">{item.code}</dd>
        <dt>{t('feedback.track.kind')}</dt>
        <dd>{t(`feedback.kind.${item.kind}`)}</dd>
        <dt>{t('feedback.track.unit')}</dt>
        <dd>{unit ? localize(unit.name, lang.value) : item.unit}</dd>
        <dt>{t('feedback.track.received')}</dt>
        <dd>{formatInstantDate(item.receivedAt, lang.value)}</dd>
        <dt>{t('feedback.track.due')}</dt>
        <dd>{formatDate(item.dueDate, lang.value)}</dd>
        {item.answeredAt && (
          <>
            <dt>{t('feedback.track.answered')}</dt>
            <dd>{formatInstantDate(item.answeredAt, lang.value)}</dd>
          </>
        )}
      </dl>
      <h2>{t('feedback.track.reply')}</h2>
      {answered ? <p class="fb-reply">{item.reply}</p> : <p class="hint">{t('feedback.track.noReply')}</p>}
      {answered && <HandlingRating store={store} item={item} onRated={(rated) => setLoaded({ item: rated, choices })} />}
      {item.privateReply && <p class="hint">{t('feedback.track.privateReply')}</p>}
      <h2>{t('feedback.track.yourText')}</h2>
      <p class="fb-quote">{item.text}</p>
    </section>
  );
}
