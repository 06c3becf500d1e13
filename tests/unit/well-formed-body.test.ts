// The answers' route reads a plainly well-formed body without zod (server/responses/well-formed-body.ts).
// Whatever that reader takes, zod must take too, and read the same: the same fields with the same
// values in the same order. Otherwise a body zod refuses would be stored, or one it accepts would
// be stored differently depending on which of the two read it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responseBody } from '../../server/responses/response-body';
import { wellFormedBody } from '../../server/responses/well-formed-body';
import { syntheticBodies } from '../helpers/synthetic-bodies';

/** JSON is what the route reads: the same value with its keys in the order it came in. */
const asSent = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

function expectZodAgrees(value: unknown): boolean {
  const fast = wellFormedBody(value);
  if (fast === undefined) return false;
  const zod = responseBody.safeParse(value);
  expect(zod.success, `zod refuses what the fast reader took: ${asSent(value)}`).toBe(true);
  expect(asSent(fast)).toBe(asSent(zod.data));
  expect(fast).toStrictEqual(zod.data);
  return true;
}

const VALID = {
  id: '6a515b43-7c74-4c6c-884f-37b643b6e3d7',
  surveyId: 'sipas-2017',
  surveyVersion: 1,
  answers: { access_seats: 2, fb_channel: 0, gender: 'male', suggestion: 'Hồ sơ trả chậm.' },
  unit: 'MC-Q1',
  procedure: 'LD-02',
  official: 'CB-02',
  channel: 'kiosk',
  submittedAt: '2026-12-05T23:20:11.227Z',
  browser: 'abcDEF12_-',
};
type Field = keyof typeof VALID;

// Each field's edges: what both readers take, what zod alone takes (and the fast reader must leave
// to it), and what zod refuses.
const anyText = fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('', 'a'.repeat(64), 'a'.repeat(65), 'ệ'.repeat(64), '\ud83d', 'A', '1a', '__proto__', 'constructor', 'toString', 'a'.repeat(48), 'a'.repeat(49)));
const edges: Record<Field, fc.Arbitrary<unknown>> = {
  id: fc.oneof(fc.uuid(), fc.constantFrom('6A515B43-7C74-4C6C-884F-37B643B6E3D7', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '6a515b43-7c74-0c6c-884f-37b643b6e3d7', '6a515b43-7c74-4c6c-c84f-37b643b6e3d7', '6a515b437c744c6c884f37b643b6e3d7'), anyText),
  surveyId: anyText,
  surveyVersion: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1, -1, 1.5, 2 ** 53 - 1, 2 ** 53, 1e300, '1', null)),
  answers: fc.oneof(
    fc.dictionary(anyText, fc.jsonValue(), { maxKeys: 6 }),
    fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,50}$/), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxKeys: 6 }),
    fc.constantFrom({}, [], null, 'answers', [1, 2]),
  ),
  unit: anyText,
  procedure: anyText,
  official: anyText,
  channel: fc.oneof(fc.constantFrom('kiosk', 'qr', 'web', 'paper', 'KIOSK', ''), anyText),
  submittedAt: fc.oneof(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2110-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom(
      '2026-02-30T00:00:00.000Z', '2024-02-29T12:00:00.000Z', '2026-12-05T23:20:11Z', '2026-12-05T23:20:11.2Z', '2026-12-05T23:20:11.227+07:00',
      '2026-12-05T23:20:11.227', '2026-12-05', '1999-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z', '2100-12-31T23:59:59.999Z',
      '2101-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '2026-12-05T24:00:00.000Z',
    ),
    anyText,
  ),
  browser: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{6,66}$/), anyText),
};
const fields = Object.keys(VALID) as Field[];

/** A valid body with some fields changed, dropped, or joined by one the schema does not know. */
const nearlyValid = fc
  .record({
    changed: fc.dictionary(fc.constantFrom(...fields), fc.constant(true), { maxKeys: 3 }),
    dropped: fc.subarray(fields.filter((f) => f !== 'id'), { maxLength: 3 }),
    extra: fc.option(fc.tuple(anyText, fc.jsonValue())),
    seed: fc.integer(),
  })
  .chain(({ changed, dropped, extra }) =>
    fc.record(Object.fromEntries(Object.keys(changed).map((f) => [f, edges[f as Field]]))).map((values) => {
      const body: Record<string, unknown> = { ...VALID, ...values };
      for (const f of dropped) delete body[f];
      if (extra) body[extra[0]] = extra[1];
      return body;
    }),
  );

describe('the well-formed body read without zod', () => {
  it('reads the bodies kiosks and phones send as zod reads them, fields in the same order', () => {
    const bodies = syntheticBodies(300, 7).map((b) => JSON.parse(JSON.stringify({ ...b, submittedAt: new Date().toISOString() })));
    for (const body of [...bodies, VALID]) expect(expectZodAgrees(body), asSent(body)).toBe(true);
  });

  it('takes nothing that zod refuses or reads otherwise, in any nearly valid body', () => {
    let taken = 0;
    fc.assert(
      fc.property(nearlyValid, (body) => {
        if (expectZodAgrees(JSON.parse(JSON.stringify(body)))) taken++;
        expectZodAgrees(body);
      }),
      { numRuns: 5000 },
    );
    // The edges are not all refusals: the fast reader must still take part of what it is given.
    expect(taken).toBeGreaterThan(100);
  });

  it('takes nothing that zod refuses, whatever the value', () => {
    fc.assert(fc.property(fc.anything(), (value) => void expectZodAgrees(value)), { numRuns: 2000 });
  });

  it('leaves to zod what JSON never makes, and the forms zod alone knows', () => {
    const leftToZod = [
      { ...VALID, unit: undefined },
      { ...VALID, answers: { access_seats: undefined } },
      Object.assign(Object.create(null), VALID),
      { ...VALID, submittedAt: '2026-12-05T23:20:11.227+07:00' },
      { ...VALID, submittedAt: '2026-12-05T23:20:11Z' },
      { ...VALID, id: '6A515B43-7C74-4C6C-884F-37B643B6E3D7'.replace('4C6C', '0C6C') },
    ];
    for (const value of leftToZod) expect(wellFormedBody(value), asSent(value)).toBeUndefined();
    // zod takes the offset and the short forms: only the fast reader leaves them.
    expect(responseBody.safeParse(leftToZod[3]).success).toBe(true);
    expect(responseBody.safeParse(leftToZod[4]).success).toBe(true);
  });
});
