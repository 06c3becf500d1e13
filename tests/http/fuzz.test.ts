import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOpenLink } from '../../server/repos/open-links';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { publicEndpoints, type Endpoint } from '../helpers/public-endpoints';

// Whatever arrives from outside, the answer is a 4xx with a JSON error (or a success for the rare
// valid input), never a 5xx or a hang, and a refused request stores nothing.

const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
const hostileJson = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom(
    '{',
    '{"id": }',
    'null',
    '[]',
    '"just a string"',
    deep(50_000, '[', ']'),
    deep(20_000, '{"a":', '}').replace(/}$/, '1}'),
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    '{"answers": {"__proto__": 5, "constructor": 1}, "surveyId": "counter-quick", "channel": "web", "id": "7b1f8f0e-5b1a-4f6e-8d55-0d4f4ad8a0a1"}',
    JSON.stringify({ id: 'x'.repeat(300_000) }),
  ),
);
const randomBytes = fc.uint8Array({ minLength: 0, maxLength: 4096 });
const invalidUtf8 = fc.array(fc.constantFrom(0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0xf0, 0x90, 0xff, 0xfe), { minLength: 1, maxLength: 64 }).map((a) => new Uint8Array(a));
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=latin1');

describe.each(dialects)('hostile input to every public endpoint on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await setOpenLink(t.database.handle.db, 'MC', true, 'test', t.clock.now);
  });
  afterAll(() => t.close());

  const stored = async () => {
    const db = t.database.handle.db;
    const [responses, feedback] = await Promise.all([
      db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('feedback_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return Number(responses.n) + Number(feedback.n);
  };

  async function send(endpoint: Endpoint, body: string | Uint8Array | undefined, type: string, suffix = '') {
    const headers: Record<string, string> = {};
    if (type) headers['content-type'] = type;
    const request = t.app.request(endpoint.path + suffix, { method: endpoint.method, headers, body: endpoint.method === 'GET' ? undefined : (body as BodyInit | undefined) });
    const res = await Promise.race([request, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${endpoint.method} ${endpoint.path} hung`)), 10_000))]);
    const text = await res.text();
    return { status: res.status, text };
  }

  function expectCleanRefusal(endpoint: Endpoint, result: { status: number; text: string }) {
    expect(result.status, `${endpoint.method} ${endpoint.path} → ${result.status} ${result.text.slice(0, 200)}`).toBeLessThan(500);
    if (result.status >= 400) {
      const body = JSON.parse(result.text);
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
  }

  for (const endpoint of publicEndpoints) {
    it(`${endpoint.method} ${endpoint.path}: malformed and hostile JSON`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileJson, contentType, async (body, type) => {
          const before = await stored();
          const result = await send(endpoint, body, type);
          expectCleanRefusal(endpoint, result);
          if (result.status >= 400) expect(await stored()).toBe(before);
        }),
        { numRuns: dialect === 'sqlite' ? 120 : 40 },
      );
    });

    it(`${endpoint.method} ${endpoint.path}: random bytes and invalid UTF-8`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(randomBytes, invalidUtf8), contentType, async (body, type) => {
          const before = await stored();
          const result = await send(endpoint, body, type);
          expectCleanRefusal(endpoint, result);
          if (result.status >= 400) expect(await stored()).toBe(before);
        }),
        { numRuns: dialect === 'sqlite' ? 80 : 30 },
      );
    });

    it(`${endpoint.method} ${endpoint.path}: wrong types in each field of a valid body`, async () => {
      if (!endpoint.validBody) return;
      const valid = endpoint.validBody();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(valid)), fc.jsonValue(), async (field, value) => {
          const before = await stored();
          const result = await send(endpoint, JSON.stringify({ ...endpoint.validBody!(), [field]: value }), 'application/json');
          expectCleanRefusal(endpoint, result);
          if (result.status >= 400) expect(await stored()).toBe(before);
        }),
        { numRuns: dialect === 'sqlite' ? 120 : 40 },
      );
    });

    it(`${endpoint.method} ${endpoint.path}: odd paths and query strings`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200 }), async (junk) => {
          const suffix = `?${encodeURIComponent(junk)}=${encodeURIComponent(junk)}&version=${encodeURIComponent(junk)}`;
          const result = await send(endpoint, undefined, '', suffix);
          expectCleanRefusal(endpoint, result);
        }),
        { numRuns: dialect === 'sqlite' ? 60 : 20 },
      );
    });
  }

  it('pollutes no prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
