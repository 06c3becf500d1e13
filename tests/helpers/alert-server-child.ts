// A second app server's alert checks, as a process of its own on the same database (how several
// servers share a SQLite file or a PostgreSQL database). It prints "ready", then runs one check
// each time it reads a clock time (ISO) on stdin, and prints that run's summary as JSON.
// Run: node --import tsx tests/helpers/alert-server-child.ts <DATABASE_URL> <SMTP_URL>
import { createInterface } from 'node:readline';
import { AlertScheduler } from '../../server/alerts/alert-scheduler';
import { smtpMailer } from '../../server/alerts/mailer';
import { boot } from '../../server/boot';
import { parseDatabaseUrl } from '../../server/db/open-database';
import { localesDir } from '../../server/paths';

const [databaseUrl, smtpUrl] = process.argv.slice(2) as [string, string];
const { handle, surveys } = await boot(parseDatabaseUrl(databaseUrl, ''), { seed: false });
let now = new Date();
const mailer = smtpMailer(smtpUrl, 'SIPAS <sipas@sipas.test>');
const scheduler = new AlertScheduler({ db: handle.db, surveys, secret: Buffer.alloc(32, 7), localesDir, publicUrl: 'http://sipas.test', mailer, clock: () => now, webhookTimeoutMs: 5_000 });
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  now = new Date(line.trim());
  console.log(JSON.stringify(await scheduler.runOnce()));
}
mailer.close();
await handle.close();
