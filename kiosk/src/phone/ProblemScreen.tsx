import type { Problem } from './phone-api';
import { usePhone } from './store-context';

/** A clear page for a link that cannot be used: unknown, expired, already used, or no network. */
export function ProblemScreen({ problem }: { problem: Problem }) {
  const store = usePhone();
  const { t } = store;
  return (
    <section class="screen" aria-labelledby="problem-heading">
      <h1 id="problem-heading" tabIndex={-1}>{t(`phone.problem.${problem}.heading`)}</h1>
      <p class="lead">{t(`phone.problem.${problem}.body`)}</p>
      {problem === 'offline' && (
        <button type="button" class="button button--primary button--wide" onClick={() => store.load()}>
          {t('send.retry')}
        </button>
      )}
      {problem === 'unknown' && (
        <a class="button button--secondary button--wide" href="/s">
          {t('phone.problem.unknown.action')}
        </a>
      )}
    </section>
  );
}
