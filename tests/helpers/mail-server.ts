// A real SMTP server in-process on 127.0.0.1 (the smtp-server package), whose messages are read
// back with mailparser: what an alert e-mail really looks like on the wire.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailServer {
  url: string;
  messages: ParsedMail[];
  /** Resolves once `n` messages have arrived in all (an event, not a timer). */
  received(n: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const messages: ParsedMail[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          for (const w of waiters.filter((x) => messages.length >= x.n)) w.resolve();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    received: (n) => (messages.length >= n ? Promise.resolve(messages) : new Promise((resolve) => waiters.push({ n, resolve: () => resolve(messages) }))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
