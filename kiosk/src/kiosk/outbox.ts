// The answers waiting on the tablet, in IndexedDB so they survive a reload, a crash or a power
// cut. Each keeps the client-made id the server recognises, so sending one twice stores it once.
import type { OutgoingResponse } from '../shared/send-response';

export interface QueuedAnswer {
  id: string;
  /** The device it was given on; it is only ever sent with that device's credential. */
  deviceId: string;
  body: OutgoingResponse;
}

export interface Outbox {
  add(item: QueuedAnswer): Promise<void>;
  remove(id: string): Promise<void>;
  /** Moves an answer the server will never accept aside, kept on the tablet for inspection. */
  setAside(item: QueuedAnswer, status: number): Promise<void>;
  /** Oldest answer first. */
  all(): Promise<QueuedAnswer[]>;
}

const DB_NAME = 'sipas-kiosk';
const QUEUE = 'outbox';
const ASIDE = 'refused';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Opens (creating on first use) the tablet's queue of answers. */
export async function openOutbox(): Promise<Outbox> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(QUEUE, { keyPath: 'id' });
    open.result.createObjectStore(ASIDE, { keyPath: 'id' });
  };
  const db = await done(open);
  // 'strict': the write is on disk before the person is thanked, even if power fails next.
  const write = (stores: string[], work: (tx: IDBTransaction) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
      work(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  return {
    add: (item) => write([QUEUE], (tx) => tx.objectStore(QUEUE).put(item)),
    remove: (id) => write([QUEUE], (tx) => tx.objectStore(QUEUE).delete(id)),
    setAside: (item, status) =>
      write([QUEUE, ASIDE], (tx) => {
        tx.objectStore(ASIDE).put({ ...item, status });
        tx.objectStore(QUEUE).delete(item.id);
      }),
    async all() {
      const items = await done(db.transaction(QUEUE).objectStore(QUEUE).getAll() as IDBRequest<QueuedAnswer[]>);
      return items.sort((a, b) => (a.body.submittedAt < b.body.submittedAt ? -1 : a.body.submittedAt > b.body.submittedAt ? 1 : 0));
    },
  };
}
