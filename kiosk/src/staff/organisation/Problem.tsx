import type { StaffStore } from '../staff-store';
import { refusalsOf } from './organisation-api';
import { refusalText } from './organisation-text';

/** What went wrong, in the person's language: every refusal with its sheet and line, the error's words, or a text of the page's own. */
export function Problem({ store, error, heading }: { store: StaffStore; error: unknown; heading: string }) {
  const { t } = store;
  if (!error) return null;
  if (typeof error === 'string') return <p class="alert" role="alert">{error}</p>;
  const refusals = refusalsOf(error);
  if (!refusals) return <p class="alert" role="alert">{t('common.error', { message: store.explain(error) })}</p>;
  return (
    <div class="alert" role="alert">
      <p class="org-problem__heading">{heading}</p>
      <ul class="org-problem__list">
        {refusals.map((r, i) => (
          <li key={i}>{refusalText(t, r)}</li>
        ))}
      </ul>
    </div>
  );
}
