import type { Translate } from '../shared/feedback/FeedbackForm';

const STEPS = ['received', 'in_progress', 'answered', 'closed'] as const;

/** The four stages of an item, the ones passed ticked and the current one marked. */
export function StatusSteps({ t, status }: { t: Translate; status: (typeof STEPS)[number] }) {
  const current = STEPS.indexOf(status);
  return (
    <ol class="fb-steps" aria-label={t('feedback.track.status')}>
      {STEPS.map((step, i) => (
        <li key={step} class={i < current ? 'fb-steps__done' : i === current ? 'fb-steps__current' : 'fb-steps__todo'} aria-current={i === current ? 'step' : undefined}>
          <span aria-hidden="true">{i <= current ? '✓' : '○'}</span> {t(`feedback.status.${step}`)}
        </li>
      ))}
    </ol>
  );
}
