import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LoopTurns } from '../../server/responses/loop-turns';

describe('LoopTurns', () => {
  const closers: (() => void)[] = [];
  afterEach(() => closers.splice(0).forEach((close) => close()));

  /** Two ends of a loopback connection: what one writes, the other reads in a later poll of the loop. */
  async function socketPair(): Promise<{ writer: Socket; reader: Socket }> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'connection');
    const writer = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const [reader] = (await accepted) as [Socket];
    await once(writer, 'connect');
    closers.push(() => {
      writer.destroy();
      reader.destroy();
      server.close();
    });
    return { writer, reader };
  }

  it('reads the replies that arrive meanwhile between its waiters, not after all of them', async () => {
    // As on PostgreSQL: the first request's turn sends a statement, and its reply is read before
    // the burst of requests behind it has been checked. The kernel usually hands a loopback write
    // to the other end at once, but a busy machine may leave that to a kernel thread a while, so
    // the reply is given the time of many turns behind it (tens of milliseconds); let through all
    // at once, they would all run before the loop polls again, and the reply be read last.
    const { writer, reader } = await socketPair();
    const order: string[] = [];
    reader.on('data', () => order.push('reply read'));
    const turns = new LoopTurns();
    const waiters = 20_000;
    const first = turns.take().then(() => {
      order.push('first');
      writer.write('x');
    });
    const others = Array.from({ length: waiters - 1 }, () => turns.take().then(() => order.push('another')));
    await Promise.all([first, ...others, once(reader, 'data')]);
    expect(order[0]).toBe('first');
    expect(order.indexOf('reply read')).toBeLessThan(waiters);
  });

  it('lets waiters through in the order they came, each once', async () => {
    const turns = new LoopTurns();
    const order: number[] = [];
    await Promise.all(Array.from({ length: 100 }, (_, i) => turns.take().then(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('is ready for a new waiter once the queue has emptied', async () => {
    const turns = new LoopTurns();
    await turns.take();
    await turns.take();
    let through = false;
    await turns.take().then(() => (through = true));
    expect(through).toBe(true);
  });
});
