import type { StaffStore } from '../staff-store';
import type { ItemEvent } from './inbox-api';
import { unitName, type Organisation } from './organisation';

/** Who did what to the item, and when, oldest first. */
export function EventHistory({ store, org, events }: { store: StaffStore; org: Organisation; events: ItemEvent[] }) {
  const { t, lang } = store;
  const when = (at: string) => new Date(at).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  const what = (e: ItemEvent) => {
    if (e.action === 'status') return `${t('feedback.history.status')}: ${t(`feedback.status.${e.from}`)} → ${t(`feedback.status.${e.to}`)}`;
    if (e.action === 'assigned') return `${t('feedback.history.assigned')}: ${unitName(org, (e.details.unit as string | null) ?? null, lang.value) || '—'}${e.details.official ? ` · ${org.officials.find((o) => o.code === e.details.official)?.name ?? (e.details.official as string)}` : ''}`;
    return t(`feedback.history.${e.action}`);
  };
  return (
    <div class="fb-block">
      <h3 class="fb-block__label">{t('feedback.history.heading')}</h3>
      <ol class="fb-history">
        {events.map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{when(e.at)}</time> · <strong>{e.actor === 'citizen' ? t('feedback.history.citizen') : e.actor}</strong> · {what(e)}
          </li>
        ))}
      </ol>
    </div>
  );
}
