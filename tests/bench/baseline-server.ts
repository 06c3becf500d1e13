// The submission benchmark's baseline: the least a server can do with the same request: one
// prepared better-sqlite3 insert per request, synchronous=NORMAL, no validation, no aggregates.
import { serve } from '@hono/node-server';
import SqliteDatabase from 'better-sqlite3';
import { Hono } from 'hono';

const sqlite = new SqliteDatabase(process.env.BASELINE_DB!);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec('CREATE TABLE IF NOT EXISTS responses (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = sqlite.prepare('INSERT INTO responses (id, body) VALUES (?, ?)');

const app = new Hono().post('/api/responses', async (c) => {
  const body = await c.req.json<{ id: string }>();
  insert.run(body.id, JSON.stringify(body));
  return c.json({ id: body.id }, 201);
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`[baseline] listening on 127.0.0.1:${info.port}`));
