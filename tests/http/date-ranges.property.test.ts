import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { storeResponses } from '../helpers/store-responses';

// No date range can hang or crash the server. `to=9999-12-31&period=month` once walked past the
// year 9999, where JavaScript writes years as "+010000", and never stopped. Every endpoint that
// takes dates gets extreme, inverted and malformed ranges with every period kind and breakdown,
// and must answer a 4xx or a bounded 200 while /healthz keeps answering.

const dates = fc.oneof(
  fc.constantFrom('0000-01-01', '1970-01-01', '1999-12-31', '2000-01-01', '2026-02-29', '2026-03-10', '2100-12-31', '2101-01-01', '9999-12-31', '+10000-01-01', '275760-09-13', '2026-13-01', ''),
  fc.date({ min: new Date('1999-06-01'), max: new Date('2101-06-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const periods = fc.constantFrom('all', 'day', 'week', 'month', 'quarter', 'year', 'decade');
const breakdowns = fc.subarray(['unit', 'procedure', 'official', 'channel', 'day', 'week', 'month', 'quarter', 'year', 'gender', 'age_band'], { maxLength: 4 });

/** Every GET that takes dates, as a function of the generated values. */
const endpoints: ((q: { from: string; to: string; period: string; by: string[] }) => string)[] = [
  (q) => `/api/scores?survey=sipas-2017&from=${q.from}&to=${q.to}&by=${q.by.join(',')}`,
  (q) => `/api/scores?survey=counter-quick&from=${q.from}&to=${q.to}&official=CB-01&by=${q.by.join(',')}`,
  (q) => `/api/scores/suggestions?survey=sipas-2017&from=${q.from}&to=${q.to}`,
  (q) => `/api/feedback/figures?from=${q.from}&to=${q.to}&period=${q.period}`,
  (q) => `/api/feedback/figures?to=${q.to}&period=${q.period}`,
  (q) => `/api/feedback/export.csv?from=${q.from}&to=${q.to}`,
  (q) => `/api/dossier-figures?from=${q.from}&to=${q.to}&period=${q.period}`,
  (q) => `/api/dossier-figures?to=${q.to}&period=${q.period}`,
  (q) => `/api/invitations?from=${q.from}&to=${q.to}`,
  (q) => `/api/exports/responses.csv?survey=counter-quick&from=${q.from}&to=${q.to}`,
  (q) => `/api/exports/scores.xlsx?survey=counter-quick&from=${q.from}&to=${q.to}&by=${q.by.filter((b) => b !== 'day').join(',')}`,
  (q) => `/staff/report?survey=counter-quick&from=${q.from}&to=${q.to}`,
  (q) => `/api/staff/audit?before=${q.to}T00:00:00Z`,
];

/** Answers bigger than this would be a runaway loop, not a report. */
const MAX_BYTES = 20 * 1024 * 1024;

describe.each(dialects)('date ranges on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    admin = await signIn(t, 'ranges-admin', 'admin');
    await storeResponses(t, [
      { surveyId: 'counter-quick', answers: { overall: 3 }, unit: 'MC-Q1', official: 'CB-01', submittedAt: '2026-03-02T02:00:00Z' },
      { surveyId: 'counter-quick', answers: { overall: 1 }, unit: 'MC-Q2', submittedAt: '2000-01-01T02:00:00Z' },
    ]);
  });
  afterAll(() => t.close());

  async function fetchBounded(path: string): Promise<{ status: number; bytes: number; text: string }> {
    const res = await t.app.request(path, { headers: admin.headers });
    const reader = res.body?.getReader();
    let bytes = 0;
    let text = '';
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      bytes += chunk.value.byteLength;
      if (bytes > MAX_BYTES) {
        await reader!.cancel();
        break;
      }
      if (text.length < 2000) text += new TextDecoder().decode(chunk.value);
    }
    return { status: res.status, bytes, text };
  }

  it('answers every extreme, inverted or malformed range with a 4xx or a bounded answer, and /healthz keeps answering', async () => {
    let healthChecks = 0;
    let stop = false;
    // Requests are awaited one by one below; a synchronous runaway loop would starve this poller
    // and the test would time out instead of finishing.
    const poller = (async () => {
      while (!stop) {
        const res = await t.app.request('/healthz');
        expect(res.status).toBe(200);
        healthChecks += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints.keys()), dates, dates, periods, breakdowns, async (which, from, to, period, by) => {
        const path = endpoints[which]!({ from, to, period, by });
        const { status, bytes, text } = await fetchBounded(path);
        expect(status, `${path} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(bytes, `${path} answered more than ${MAX_BYTES} bytes`).toBeLessThanOrEqual(MAX_BYTES);
        if (status >= 400) expect(JSON.parse(text).error.code).toEqual(expect.any(String));
      }),
      { numRuns: dialect === 'sqlite' ? 250 : 80 },
    );
    stop = true;
    await poller;
    expect(healthChecks).toBeGreaterThan(0);
  });

  it('refuses a date past 2100 with a clear 400 naming the field', async () => {
    const res = await t.call('GET', '/api/feedback/figures?to=9999-12-31&period=month', undefined, admin.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'to', message: 'a date from 2000-01-01 to 2100-12-31' })]);
    const scores = await t.call('GET', '/api/scores?survey=sipas-2017&from=2026-01-01&to=9999-12-31&by=month', undefined, admin.headers);
    expect(scores.status).toBe(400);
    expect(scores.body.error.issues[0].path).toBe('to');
  });
});
