import { useEffect, useState } from 'preact/hooks';
import { fetchFormChoices, fetchPublished, type FormChoices, type PublishedFeedback } from '../shared/feedback/feedback-api';
import { formatDate, formatInstantDate } from '../shared/feedback/format-date';
import { localize } from '../shared/i18n';
import type { PageStore } from './page-store';

/** /gop-y/cong-khai: answered items staff allowed to publish, with personal details removed. */
export function PublicPage({ store, unit }: { store: PageStore; unit?: string }) {
  const { t, lang } = store;
  const [items, setItems] = useState<PublishedFeedback[] | null>(null);
  const [more, setMore] = useState(false);
  const [choices, setChoices] = useState<FormChoices | null>(null);
  const [failed, setFailed] = useState(false);
  const load = (offset: number) =>
    fetchPublished(offset, unit).then((page) => {
      setItems((known) => [...(offset ? (known ?? []) : []), ...page.items]);
      setMore(page.more);
    }, () => setFailed(true));
  useEffect(() => {
    void load(0);
    fetchFormChoices().then(setChoices, () => undefined);
  }, []);

  const unitName = (code: string) => {
    const unit = choices?.units.find((u) => u.code === code);
    return unit ? localize(unit.name, lang.value) : code;
  };
  return (
    <section class="screen" aria-labelledby="fb-public-heading">
      <h1 id="fb-public-heading">{t('feedback.public.heading')}</h1>
      <p class="hint">{t('feedback.public.intro')}</p>
      {unit && <p class="hint">{t('feedback.public.ofUnit', { unit: unitName(unit) })} <a href="/gop-y/cong-khai">{t('feedback.public.allUnits')}</a></p>}
      {failed && <p class="alert" role="alert">{t('feedback.track.failed')}</p>}
      {!items && !failed && <p class="hint">{t('load.loading')}</p>}
      {items?.length === 0 && <p>{t('feedback.public.empty')}</p>}
      {items?.map((item) => (
        <article key={item.key} class="fb-card" aria-labelledby={`fb-card-${item.key}`}>
          <h2 id={`fb-card-${item.key}`} class="fb-card__title">
            {t(`feedback.kind.${item.kind}`)} · {unitName(item.unit)}
          </h2>
          <p class="hint">
            {t('feedback.public.received', { date: formatDate(item.receivedDate, lang.value) })}
            {item.answeredAt && ` · ${t('feedback.public.answered', { date: formatInstantDate(item.answeredAt, lang.value) })}`}
          </p>
          <h3 class="fb-card__label">{t('feedback.public.text')}</h3>
          <p class="fb-quote">{item.text}</p>
          <h3 class="fb-card__label">{t('feedback.public.reply')}</h3>
          <p class="fb-reply">{item.reply}</p>
        </article>
      ))}
      {more && (
        <div class="nav">
          <button type="button" class="button button--secondary" onClick={() => void load(items?.length ?? 0)}>{t('feedback.public.more')}</button>
        </div>
      )}
    </section>
  );
}
