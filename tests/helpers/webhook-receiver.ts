// A webhook receiver on 127.0.0.1 that keeps each request's headers and raw body, answering with
// the statuses it is told to (e.g. 500 first, then 200) to exercise retries.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface WebhookReceiver {
  url: string;
  hooks: ReceivedHook[];
  /** Statuses to answer in order; 200 once they are used up. */
  answers: number[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(answers: number[] = []): Promise<WebhookReceiver> {
  const hooks: ReceivedHook[] = [];
  const state = { answers: [...answers] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = state.answers.shift() ?? 200;
      hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sipas`,
    hooks,
    get answers() {
      return state.answers;
    },
    set answers(next) {
      state.answers = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
