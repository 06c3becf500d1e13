// The body limit over a real socket (node-server), where it trusts Content-Length, and in
// process (app.request), where it counts the body as it is read.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodySizeLimit } from '../../server/body-size-limit';
import { HttpError } from '../../server/http-error';

const LIMIT = 1000;

function limitedApp() {
  const app = new Hono().post('/', bodySizeLimit(LIMIT, () => { throw new HttpError(413, 'payload_too_large', 'too large'); }), async (c) => c.json({ length: (await c.req.text()).length }));
  app.onError((err, c) => c.json({ code: err instanceof HttpError ? err.code : 'internal' }, err instanceof HttpError ? err.status : 500));
  return app;
}

/** Sends `chunks` over HTTP/1.1: with Content-Length when `length` is given, else chunked. */
function send(port: number, chunks: string[], length?: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (length !== undefined) headers['content-length'] = String(length);
    const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('bodySizeLimit', () => {
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: limitedApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('takes a body up to the limit, with Content-Length or chunked', async () => {
    expect(await send(port, ['x'.repeat(LIMIT)], LIMIT)).toEqual({ status: 200, body: JSON.stringify({ length: LIMIT }) });
    expect(await send(port, ['x'.repeat(600), 'x'.repeat(400)])).toEqual({ status: 200, body: JSON.stringify({ length: LIMIT }) });
  });

  it('refuses a body over the limit by its Content-Length, and a chunked one as it is read', async () => {
    expect((await send(port, ['x'.repeat(LIMIT + 1)], LIMIT + 1)).status).toBe(413);
    const chunked = await send(port, ['x'.repeat(600), 'x'.repeat(600)]);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({ code: 'payload_too_large' });
  });

  it('counts the body of a request made in process (no Content-Length)', async () => {
    const app = limitedApp();
    expect((await app.request('/', { method: 'POST', body: 'x'.repeat(LIMIT) })).status).toBe(200);
    expect((await app.request('/', { method: 'POST', body: 'x'.repeat(LIMIT + 1) })).status).toBe(413);
  });
});
