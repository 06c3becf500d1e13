import { useKiosk } from './store-context';

/** A small note in the corner for staff: answers kept on the tablet, not yet on the server. */
export function QueueIndicator() {
  const { link, t } = useKiosk();
  const count = link.queued.value;
  if (!link.device.value || count === 0) return null;
  return (
    <p class="queue-note" data-queued={count}>
      <span aria-hidden="true">⇡ </span>
      {t('kioskDevice.queued', { count })}
    </p>
  );
}
