// The app's router keeps the match of a path without parameters (server/route-cache.ts). A kept
// match must be the one the router would make, a path with parameters must still get its own
// values, and a route added later must be found.
import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { cachedRouter } from '../../server/route-cache';

/** The app on the cached router, around Hono's default or around `inner`. */
function app(inner?: TrieRouter<never>) {
  return new Hono({ router: cachedRouter(inner) })
    .use('*', async (c, next) => {
      await next();
      c.header('X-Seen', 'yes');
    })
    .post('/api/responses', (c) => c.text('answers'))
    .get('/api/things/import', (c) => c.text('import'))
    .get('/api/things/:id', (c) => c.text(`thing ${c.req.param('id')}`));
}

describe('the router that keeps param-free matches', () => {
  it('answers a fixed path the same way every time, middleware included', async () => {
    const a = app();
    for (let i = 0; i < 3; i++) {
      const res = await a.request('/api/responses', { method: 'POST' });
      expect(await res.text()).toBe('answers');
      expect(res.headers.get('X-Seen')).toBe('yes');
    }
    expect((await a.request('/api/responses')).status).toBe(404);
  });

  it('gives each request its own path parameters', async () => {
    const a = app();
    expect(await (await a.request('/api/things/7')).text()).toBe('thing 7');
    expect(await (await a.request('/api/things/8')).text()).toBe('thing 8');
    expect(await (await a.request('/api/things/import')).text()).toBe('import');
    expect(await (await a.request('/api/things/9')).text()).toBe('thing 9');
  });

  it('finds a route added after the first requests, where the router it wraps takes one', async () => {
    // Hono's default router refuses a route once it has matched; its trie router takes it.
    const a = app(new TrieRouter());
    expect((await a.request('/later')).status).toBe(404);
    a.get('/later', (c) => c.text('here'));
    expect(await (await a.request('/later')).text()).toBe('here');
  });

  it('keeps answering correctly past its bound of distinct paths', async () => {
    const a = app();
    for (let i = 0; i < 1200; i++) expect((await a.request(`/nothing-${i}`)).status).toBe(404);
    expect(await (await a.request('/api/responses', { method: 'POST' })).text()).toBe('answers');
    expect(await (await a.request('/api/things/10')).text()).toBe('thing 10');
  });
});
