import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { SentFeedback } from './feedback-api';
import type { Translate } from './FeedbackForm';
import { formatDate } from './format-date';
import './feedback.css';

interface Props {
  t: Translate;
  lang: string;
  sent: SentFeedback;
  /** A link to the tracking page (phone, web); the kiosk shows the address as text and a QR code instead. */
  linkToTracking: boolean;
  showQr: boolean;
  children?: ComponentChildren;
}

/** The confirmation with the tracking code a person keeps to read the reply. */
export function FeedbackSent({ t, lang, sent, linkToTracking, showQr, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="screen fb-sent" aria-labelledby="fb-sent-heading">
      <h1 id="fb-sent-heading" tabIndex={-1} ref={heading}>{t('feedback.sent.heading')}</h1>
      <p class="lead">{t('feedback.sent.code')}</p>
      <p class="fb-code">{sent.code}</p>
      <p>{t('feedback.sent.keep')}</p>
      <p>{t('feedback.sent.due', { date: formatDate(sent.dueDate, lang) })}</p>
      {linkToTracking ? (
        <p>
          <a class="button button--secondary" href={`/gop-y/${sent.code}`}>{t('feedback.sent.open')}</a>
        </p>
      ) : (
        <p class="hint">{t('feedback.sent.where', { url: sent.trackUrl })}</p>
      )}
      {showQr && <img class="fb-qr" src={`/api/feedback/qr/${sent.code}`} alt={t('feedback.sent.qr')} width={192} height={192} />}
      {children}
    </section>
  );
}
