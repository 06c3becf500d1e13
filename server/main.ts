// The server (`npm start` runs its build, see start.mjs, which has built the pages by then): read
// the environment, open and migrate the database, seed the demo organisation on first start, and
// serve.
import { serve } from '@hono/node-server';
import { AlertScheduler } from './alerts/alert-scheduler';
import { RetentionJob } from './retention/retention-job';
import { smtpMailer } from './alerts/mailer';
import { createApp } from './app';
import { boot } from './boot';
import { parseDatabaseUrl } from './db/open-database';
import { readEnv } from './env';
import { ensureFirstAdmin } from './auth/user-admin';
import { defaultDatabaseFile, defaultSecretFile, localesDir, pagesDistDir } from './paths';
import { ResponseWriter } from './responses/response-writer';
import { FOLD_DELAY_MS } from './tallies/fold-tallies';
import { TallyFolder, type FoldOptions } from './tallies/tally-folder';
import { FoldWorker } from './tallies/fold-worker';
import { WriteTurns } from './db/write-turns';
import { countUnits } from './repos/organisation';
import { loadSecret } from './secret';
import { registerDemoKiosk } from './seed/demo-kiosk';

const env = readEnv();
const parsed = parseDatabaseUrl(env.DATABASE_URL, defaultDatabaseFile);
const database = parsed.dialect === 'sqlite' ? { ...parsed, synchronous: env.SQLITE_SYNCHRONOUS } : parsed;
const { handle, surveys, seededOrganisation } = await boot(database, { seed: env.SIPAS_DEMO });
if (!env.SIPAS_DEMO && (await countUnits(handle.db)) === 0) {
  console.log('[sipas] SIPAS_DEMO=0 and no organisation yet: sign in at /staff as admin to set up the office from the Excel template (or npm run sipas -- org template --out to-chuc.xlsx, fill it in, then npm run sipas -- org import to-chuc.xlsx)');
}
if (seededOrganisation) console.log('[sipas] first start: seeded the demo organisation (Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn)');
const adminPassword = await ensureFirstAdmin(handle.db, new Date());
if (adminPassword) {
  console.log('[sipas] first start: created the staff account "admin" with this one-time password');
  console.log(`[sipas]   ${adminPassword}`);
  console.log('[sipas] it is shown only now; sign in at /staff and choose your own password');
}

// The tallies are added to in the background, hundreds of answers at once, by a thread of their
// own (server/tallies/); on SQLite it takes turns at the write lock with the writer.
const foldThread =
  database.dialect === 'sqlite' && database.file === ':memory:'
    ? undefined
    : new FoldWorker({ database, entry: new URL(import.meta.url.endsWith('.ts') ? './tallies/fold-thread.ts' : './fold-thread.js', import.meta.url) });
const fold: FoldOptions = foldThread
  ? { foldOnce: () => foldThread.foldOnce(), ...(database.dialect === 'sqlite' ? { turns: new WriteTurns().share(handle.db), ahead: () => foldThread.foldAhead() } : {}) }
  : {};
const folder = new TallyFolder(handle.db, FOLD_DELAY_MS, undefined, fold);
folder.queued(); // whatever an earlier run left queued
const writer = new ResponseWriter(handle.db, { batchWindowMs: env.GROUP_COMMIT_MS, maxBatch: 256, onStored: () => folder.queued(), turns: fold.turns });
const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
const secret = loadSecret(env.SIPAS_SECRET, defaultSecretFile);
if (seededOrganisation) {
  const link = await registerDemoKiosk(handle.db, { secret, publicUrl, now: new Date() });
  console.log(`[sipas] first start: a demo kiosk for the one-stop counter; open this link once, within 24 hours, to enrol a browser as that tablet:`);
  console.log(`[sipas]   ${link}`);
}
const app = createApp({
  db: handle.db,
  reader: handle.reader,
  surveys,
  writer,
  clock: () => new Date(),
  pagesDir: pagesDistDir,
  localesDir,
  publicUrl,
  secret,
  trustProxy: env.TRUST_PROXY,
  invitationDays: env.INVITATION_DAYS,
});

// Alerts, digests and their messages: every server may run the checks; claims in the database
// make each message go out once.
const mailer = env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
const alerts = new AlertScheduler({ db: handle.db, surveys, secret, localesDir, publicUrl, mailer, clock: () => new Date() });
alerts.start(env.ALERTS_INTERVAL_S * 1000);
if (!mailer) console.log('[sipas] SMTP_URL is not set: alert e-mails and digests are logged as skipped');

// Retention: one server a day deletes the raw rows past what an admin set (default: keep).
const retention = new RetentionJob(handle.db, () => new Date());
retention.start();

const server = serve({
  fetch: app.fetch,
  port: env.PORT,
  hostname: env.HOST,
  // A slow or stalled client may not hold a connection: it must send its request in time.
  serverOptions: { requestTimeout: env.REQUEST_TIMEOUT_MS, headersTimeout: env.HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
}, (info) => {
  const where = database.dialect === 'sqlite' ? database.file : 'PostgreSQL';
  console.log(`[sipas] database: ${where}`);
  console.log(`[sipas] listening on ${info.address}:${info.port}`);
  const base = publicUrl.replace(`:${env.PORT}`, `:${info.port}`);
  console.log(`[sipas] kiosk:  ${base}/kiosk`);
  console.log(`[sipas] staff:  ${base}/staff`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[sipas] ${signal}: finishing the responses in flight, then stopping`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve())); // accept no new connections
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  await alerts.stop(); // let a check in progress finish
  retention.stop();
  await writer.close(); // commit the batch in flight and everything queued
  await folder.close(); // let a fold in progress commit; what is still queued is folded at the next start or read
  await foldThread?.close();
  // Let the handlers write their answers; close each connection once it falls idle; drop the
  // rest after three seconds.
  const sweep = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 25);
  await Promise.race([closed, new Promise((r) => setTimeout(r, 3000))]);
  clearInterval(sweep);
  mailer?.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
