import type { StaffStore } from '../staff-store';
import { inboxApi, type ItemDetail, type Status } from './inbox-api';

// The moves the server allows (server/feedback/feedback-rules.ts), as buttons.
const MOVES: Record<Status, Status[]> = { received: ['in_progress', 'answered'], in_progress: ['answered'], answered: ['closed', 'in_progress'], closed: [] };

type Run = (change: (id: string) => Promise<ItemDetail>) => Promise<void>;

export function StatusActions({ store, item, run }: { store: StaffStore; item: ItemDetail; run: Run }) {
  const { t } = store;
  const moves = MOVES[item.status];
  if (!moves.length) return null;
  return (
    <div class="fb-block" role="group" aria-labelledby="fb-status-heading">
      <h3 id="fb-status-heading" class="fb-block__label">{t('feedback.actions.heading')}</h3>
      {item.status !== 'answered' && !item.reply && <p class="hint">{t('feedback.actions.needReply')}</p>}
      <div class="fb-buttons">
        {moves.map((to) => (
          <button key={to} type="button" class={to === 'answered' ? 'button button--primary' : 'button button--secondary'} onClick={() => run((id) => inboxApi.move(id, to))}>
            {item.status === 'answered' && to === 'in_progress' ? t('feedback.actions.reopen') : t(`feedback.actions.${to}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
