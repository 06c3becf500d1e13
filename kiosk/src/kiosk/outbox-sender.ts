// Sends the queued answers to the server, oldest first and one at a time (so the server sees a
// device's answers in the order people gave them), retrying with backoff while it is unreachable.
import type { SendResult } from '../shared/send-response';
import { retryDelayMs } from './backoff';
import type { Outbox, QueuedAnswer } from './outbox';

export interface OutboxSenderDeps {
  outbox: Outbox;
  /** The enrolled device's id and credential, or null when there is none. */
  device: () => { deviceId: string; credential: string } | null;
  send: (item: QueuedAnswer, credential: string) => Promise<SendResult>;
  /** After every change: how many answers are still waiting. */
  onQueued: (count: number) => void;
  /** The server no longer accepts this device's credential (revoked or replaced). */
  onDeviceRefused: () => void;
}

/** A sender for the outbox: `flush()` sends what waits, `wake()` does so at once after the network returns. */
export function createOutboxSender(deps: OutboxSenderDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Sends what is waiting; a call while sending makes the running pass look once more. */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    running = (async () => {
      do {
        again = false;
        await sendAll();
      } while (again);
    })().finally(() => (running = null));
    return running;
  }

  async function sendAll(): Promise<void> {
    const items = await deps.outbox.all();
    let left = items.length;
    deps.onQueued(left);
    for (const item of items) {
      const device = deps.device();
      if (!device) return;
      if (item.deviceId !== device.deviceId) {
        // Given on a device this tablet no longer is: never send it under another credential.
        await deps.outbox.setAside(item, 0);
      } else {
        // The tablet knows it has no network: wait for the 'online' event (wake) instead of trying.
        if (globalThis.navigator?.onLine === false) return retryLater();
        const result = await deps.send(item, device.credential);
        if (result.ok) await deps.outbox.remove(item.id);
        else if (result.status === 401 || result.status === 403) return deps.onDeviceRefused();
        else if (result.retryable) return retryLater();
        else await deps.outbox.setAside(item, result.status); // 4xx: resending cannot help
      }
      attempt = 0;
      deps.onQueued(--left);
    }
  }

  function retryLater() {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), retryDelayMs(attempt++));
  }

  /** The network is back: try at once rather than wait out the backoff. */
  function wake(): Promise<void> {
    attempt = 0;
    return flush();
  }

  return { flush, wake };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
