// The tablet's tie to the server: enrolment, the queue of answers waiting to be sent, and the
// heartbeat that tells staff the kiosk is alive and how much it still holds.
import { signal } from '@preact/signals';
import { serverError, type ServerError } from '../shared/error-text';
import { sendResponse, type OutgoingResponse } from '../shared/send-response';
import { forgetDevice, loadDevice, saveDevice, type DeviceConfig, type EnrolledDevice, type SurveySetting } from './device-config';
import { openOutbox, type Outbox } from './outbox';
import { createOutboxSender } from './outbox-sender';

const HEARTBEAT_MS = 60_000;

/** What a kiosk asks until the server names its questionnaire (the server's default too). */
export const DEFAULT_SURVEY: SurveySetting = { id: 'sipas-2017', parts: null };

/** Why the tablet shows its enrolment screen with a message: revoked, or what enrolling answered (null: no network). */
export type EnrolProblem = 'revoked' | { error: ServerError | null };

/** The enrolled device (if any), its queue of waiting answers and its contact with the server. */
export function createDeviceLink() {
  const device = signal<EnrolledDevice | null>(loadDevice());
  const queued = signal(0);
  const enrolling = signal(false);
  const problem = signal<EnrolProblem | null>(null);
  let reported = -1;

  const outboxReady: Promise<Outbox | null> = openOutbox().catch(() => null);
  const sender = outboxReady.then((outbox) =>
    outbox
      ? createOutboxSender({
          outbox,
          device: () => device.value,
          send: (item, credential) => sendResponse(item.body, auth(credential)),
          onQueued: (n) => {
            queued.value = n;
            if (n === 0 && reported !== 0) void heartbeat(); // tell staff at once that the backlog is gone
          },
          onDeviceRefused: () => refused(),
        })
      : null,
  );

  async function enrol(code: string): Promise<void> {
    enrolling.value = true;
    problem.value = null;
    try {
      const res = await fetch('/api/kiosk/enrol', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      if (!res.ok) {
        problem.value = { error: await serverError(res) };
        return;
      }
      const body = (await res.json()) as { credential: string; device: DeviceConfig };
      device.value = { ...body.device, credential: body.credential };
      saveDevice(device.value);
      // Ask the browser not to evict the queue when storage runs short.
      void navigator.storage?.persist?.();
      void flush();
    } catch {
      problem.value = { error: null };
    } finally {
      enrolling.value = false;
    }
  }

  /** Keeps an answer on the tablet and starts sending it; false only if it could not be kept. */
  async function queue(body: OutgoingResponse): Promise<boolean> {
    const current = device.value;
    if (!current) return false;
    const outbox = await outboxReady;
    if (!outbox) return (await sendResponse(body, auth(current.credential))).ok; // no IndexedDB: send now or fail visibly
    try {
      await outbox.add({ id: body.id, deviceId: current.deviceId, body });
    } catch {
      return false;
    }
    queued.value += 1;
    void flush();
    return true;
  }

  async function flush() {
    await (await sender)?.flush();
  }

  async function heartbeat(): Promise<void> {
    const current = device.value;
    if (!current) return;
    try {
      const res = await fetch('/api/kiosk/heartbeat', { method: 'POST', headers: { 'content-type': 'application/json', ...auth(current.credential) }, body: JSON.stringify({ queued: queued.value }) });
      if (res.status === 401 || res.status === 403) return refused();
      if (!res.ok) return;
      reported = queued.value;
      const { device: config } = (await res.json()) as { device: DeviceConfig };
      // Settings changed by a manager reach the tablet with the next heartbeat.
      if (device.value?.credential === current.credential) {
        device.value = { ...config, credential: current.credential };
        saveDevice(device.value);
      }
    } catch {
      // Offline: the next heartbeat will tell.
    }
  }

  function refused() {
    forgetDevice();
    device.value = null;
    problem.value = 'revoked';
  }

  /** Starts the heartbeat and the sending, and resumes as soon as the network returns. */
  function start() {
    void flush();
    void heartbeat();
    setInterval(() => {
      void heartbeat();
      void flush();
    }, HEARTBEAT_MS);
    addEventListener('online', () => void sender.then((s) => s?.wake()).then(heartbeat));
  }

  return { device, queued, enrolling, problem, enrol, queue, start };
}

export type DeviceLink = ReturnType<typeof createDeviceLink>;

function auth(credential: string): Record<string, string> {
  return { authorization: `Kiosk ${credential}` };
}
