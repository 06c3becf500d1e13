import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders } from '../helpers/invitations';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// Inputs from outside, generated: whatever arrives, the answer is a clear 2xx or 4xx, never a 5xx,
// and a rejected request changes nothing.
describe.each(dialects)('invitation inputs from outside, generated, on %s', (dialect) => {
  const runs = dialect === 'sqlite' ? 150 : 50;
  let t: TestApp;
  let headers: Record<string, string>;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    headers = (await apiKeyHeaders(t, ['MC'])).headers;
    token = (await t.call('POST', '/api/invitations', { dossierCode: 'HS-BASE', procedure: 'DT-01', unit: 'MC-Q1' }, headers)).body.token;
  });
  afterAll(() => t.close());
  const db = () => t.database.handle.db;
  const snapshot = async () => JSON.stringify([
    await db().selectFrom('invitations').select('id').orderBy('id').execute(),
    await db().selectFrom('dossier_counts').selectAll().orderBy('unit_code').orderBy('procedure_code').orderBy('return_date').execute(),
    await db().selectFrom('responses').select('id').orderBy('id').execute(),
    await db().selectFrom('invitation_uses').selectAll().orderBy('use_key').execute(),
  ]);

  // Mostly plausible values, so that many requests pass and the rules are tried, with rubbish mixed in.
  const between = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
  const date = (min: string, max: string) =>
    fc.oneof(
      { weight: 6, arbitrary: between(min, max).map((d) => d.toISOString()) },
      { weight: 6, arbitrary: between(min, max).map((d) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)) },
      { weight: 1, arbitrary: between('2026-03-11', '2027-01-01').map((d) => d.toISOString()) },
      { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-03-10T09:00:00', 'hôm qua', '', '2026-03-09T09:00:00+07:00') },
    );
  const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
  const body = fc.record(
    {
      dossierCode: fc.oneof(
        { weight: 6, arbitrary: fc.stringMatching(/^[0-9A-Za-z.\-]{1,30}$/) },
        { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
        { weight: 1, arbitrary: fc.constantFrom('HS-1', ' hs-1 ', 'HS-\u0000', 'Hồ sơ 01', '   ', 'x'.repeat(101)) },
      ),
      procedure: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('DT-01', 'LD-01', 'XD-01') }, { weight: 1, arbitrary: fc.string({ maxLength: 70 }) }),
      unit: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('MC', 'MC-Q1', 'MC-Q2') }, { weight: 1, arbitrary: fc.constantFrom('QLDT', 'NOPE', '') }, { weight: 1, arbitrary: fc.integer() }),
      official: field(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('CB-01', 'CB-03') }, { weight: 1, arbitrary: fc.constantFrom('CB-99', '') })),
      receivedAt: field(date('2025-01-01', '2025-12-31')),
      dueAt: field(date('2025-06-01', '2026-06-01')),
      returnedAt: field(date('2026-01-01', '2026-03-10T02:59:00Z')),
      survey: field(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('sipas-2017', 'counter-quick') }, { weight: 1, arbitrary: fc.constant('nope') })),
      extra: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.anything() }),
    },
    { requiredKeys: ['dossierCode', 'procedure', 'unit'] },
  );
  const seen: Record<number, number> = {};

  it('answers every generated invitation request with 2xx or a clear 4xx, and a rejection changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: body }, { weight: 1, arbitrary: fc.jsonValue() }), async (input) => {
        const before = await snapshot();
        const res = await t.call('POST', '/api/invitations', input, headers);
        seen[res.status] = (seen[res.status] ?? 0) + 1;
        expect([200, 201, 400, 403, 409]).toContain(res.status);
        if (res.status >= 400) {
          expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
          expect(await snapshot()).toBe(before);
        } else {
          expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
          // Asking again gives the same invitation and adds nothing.
          const again = await t.call('POST', '/api/invitations', input, headers);
          expect(again.status).toBe(200);
          expect(again.body.token).toBe(res.body.token);
        }
      }),
      { numRuns: runs },
    );
    // The generator reached both sides of the rules (a failure here means it needs tuning, not a
    // bug). About a fifth of the bodies are accepted (30-37 of 150 in three SQLite runs); a floor
    // of a tenth failed by chance on PostgreSQL's 50 runs (5 accepted: 2-5 % likely at that rate),
    // so the check asks for some of each (none accepted in 50: 0.8^50, about 1 in 70,000).
    expect(seen[201]).toBeGreaterThan(0);
    expect(seen[400]).toBeGreaterThan(0);
  });

  it('answers every generated token and answer with 2xx or a clear 4xx, never using the invitation up by mistake', async () => {
    const answers = fc.oneof(
      fc.record({ overall: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string(), fc.constant(null)), reasons: field(fc.array(fc.constantFrom('late', 'on_time', 'x'))) }, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue()),
    );
    const send = fc.record(
      {
        id: fc.oneof(fc.uuid(), fc.string()),
        surveyId: fc.constantFrom('counter-quick', 'sipas-2017', 'nope'),
        surveyVersion: field(fc.integer({ min: 0, max: 3 })),
        answers,
        unit: field(fc.constant('MC-Q2')),
      },
      { requiredKeys: ['answers'] },
    );
    const path = fc.oneof(fc.constant(token), fc.string({ maxLength: 30 }).map(encodeURIComponent), fc.stringMatching(/^[A-Za-z0-9_-]{22}$/));
    await fc.assert(
      fc.asyncProperty(path, send, async (to, input) => {
        expect([200, 400, 404]).toContain((await t.call('GET', `/api/invitation-tokens/${to}`)).status);
        const before = await snapshot();
        const res = await t.call('POST', `/api/invitation-tokens/${to}/responses`, input);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot()).toBe(before);
      }),
      { numRuns: runs },
    );
    // Whatever was refused on the way, the quick rating or the full survey can still be answered once.
    const answered = (await t.call('GET', `/api/invitation-tokens/${token}`)).body.answered;
    if (!answered.quick) expect((await t.call('POST', `/api/invitation-tokens/${token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 2 } })).status).toBe(201);
  });
});
