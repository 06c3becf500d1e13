import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIncrements, mergedCounts, negated, parseCounts, tallyTableRows, type CountedResponse } from '../../server/repos/answer-counts';
import { CUTS, keptByDay } from '../../server/repos/answer-count-cuts';

const response = (over: Partial<CountedResponse>): CountedResponse => ({
  surveyId: 's', localDate: '2026-03-02', unitCode: 'U1', procedureCode: 'P1', officialCode: 'O1', channel: 'kiosk',
  flagged: false, verified: true, countedAnswers: { overall: 4 }, ...over,
});

describe('the tally rows a batch of responses writes', () => {
  it('puts all of a key’s answers in one row, by day and by month, for every cut', () => {
    const batch = [
      response({ countedAnswers: { overall: 4, reasons: ['fast', 'kind'] } }),
      response({ localDate: '2026-03-20', unitCode: 'U2', officialCode: 'O2', countedAnswers: { overall: 2 } }),
      response({ countedAnswers: { overall: 4 } }),
    ];
    const tables = tallyTableRows(countIncrements(batch));
    const [daily, days] = tables[0]!;
    const [monthly, months] = tables[1]!;
    expect([daily, monthly]).toEqual(['answer_tallies', 'answer_tallies_monthly']);
    const show = (r: (typeof days)[number]) => [r.cut, r.local_date, r.unit_code, r.procedure_code, r.official_code, r.channel, r.responses, parseCounts(r.counts)];
    // Hand-counted: two responses of U1/O1 on the 2nd, one of U2/O2 on the 20th.
    expect(days.map(show)).toEqual([
      ['full', '2026-03-02', 'U1', 'P1', 'O1', 'kiosk', 2, { 'overall:4': 2, 'reasons:fast': 1, 'reasons:kind': 1 }],
      ['full', '2026-03-20', 'U2', 'P1', 'O2', 'kiosk', 1, { 'overall:2': 1 }],
      ['official', '2026-03-02', 'U1', '*', 'O1', '*', 2, { 'overall:4': 2, 'reasons:fast': 1, 'reasons:kind': 1 }],
      ['official', '2026-03-20', 'U2', '*', 'O2', '*', 1, { 'overall:2': 1 }],
      ['org', '2026-03-02', '*', '*', '*', '*', 2, { 'overall:4': 2, 'reasons:fast': 1, 'reasons:kind': 1 }],
      ['org', '2026-03-20', '*', '*', '*', '*', 1, { 'overall:2': 1 }],
      ['channel', '2026-03-02', 'U1', '*', '*', 'kiosk', 2, { 'overall:4': 2, 'reasons:fast': 1, 'reasons:kind': 1 }],
      ['channel', '2026-03-20', 'U2', '*', '*', 'kiosk', 1, { 'overall:2': 1 }],
      ['procedure', '2026-03-02', 'U1', 'P1', '*', '*', 2, { 'overall:4': 2, 'reasons:fast': 1, 'reasons:kind': 1 }],
      ['procedure', '2026-03-20', 'U2', 'P1', '*', '*', 1, { 'overall:2': 1 }],
    ].sort((a, b) => (`${a[0]}` < `${b[0]}` ? -1 : `${a[0]}` > `${b[0]}` ? 1 : 0)));
    // By month, the whole organisation is one row, and so is its one procedure (a cut kept by month only).
    expect(months.filter((r) => r.cut === 'org').map(show)).toEqual([['org', '2026-03-01', '*', '*', '*', '*', 3, { 'overall:4': 2, 'overall:2': 1, 'reasons:fast': 1, 'reasons:kind': 1 }]]);
    expect(months.filter((r) => r.cut === 'org_procedure').map(show)).toEqual([['org_procedure', '2026-03-01', '*', 'P1', '*', '*', 3, { 'overall:4': 2, 'overall:2': 1, 'reasons:fast': 1, 'reasons:kind': 1 }]]);
    expect(months.map((r) => r.cut).sort()).toEqual(['channel', 'channel', 'full', 'full', 'official', 'official', 'org', 'org_procedure', 'procedure', 'procedure']);
  });

  it('writes nothing for counts taken away and added back', () => {
    const increments = countIncrements([response({}), response({ unitCode: 'U2' })]);
    expect(tallyTableRows([...increments, ...negated(increments)]).map(([, rows]) => rows)).toEqual([[], []]);
  });

  const answers = fc.record({ overall: fc.integer({ min: 0, max: 5 }), reasons: fc.subarray(['fast', 'kind', 'clear']) }, { requiredKeys: ['overall'] });
  const responses = fc.array(
    fc.record({
      localDate: fc.constantFrom('2026-03-02', '2026-03-31', '2026-04-01'), unitCode: fc.constantFrom('U1', 'U2'), procedureCode: fc.constantFrom('P1', 'P2'),
      officialCode: fc.constantFrom('O1', 'O2', ''), channel: fc.constantFrom('kiosk', 'qr'), flagged: fc.boolean(), verified: fc.boolean(), countedAnswers: answers,
    }).map((r) => response(r)),
    { maxLength: 30 },
  );

  it('every cut of each table adds up to the batch itself, in key order', () => {
    fc.assert(
      fc.property(responses, (batch) => {
        const expected = new Map<string, number>();
        for (const r of batch) {
          expected.set('*', (expected.get('*') ?? 0) + 1);
          for (const [q, v] of Object.entries(r.countedAnswers)) for (const value of Array.isArray(v) ? v : [v]) expected.set(`${q}:${value}`, (expected.get(`${q}:${value}`) ?? 0) + 1);
        }
        for (const [table, rows] of tallyTableRows(countIncrements(batch))) {
          const keys = rows.map((r) => [r.survey_id, r.cut, r.local_date, r.unit_code, r.procedure_code, r.official_code, r.channel, r.flagged].join('\u0000'));
          expect(keys).toEqual([...keys].sort());
          expect(new Set(keys).size).toBe(keys.length);
          for (const cut of CUTS) {
            // A cut kept by month only has no daily rows at all.
            if (table === 'answer_tallies' && !keptByDay(cut)) {
              expect(rows.filter((row) => row.cut === cut.name)).toEqual([]);
              continue;
            }
            const sum = new Map<string, number>();
            for (const r of rows.filter((row) => row.cut === cut.name)) {
              sum.set('*', (sum.get('*') ?? 0) + r.responses);
              for (const [k, n] of Object.entries(parseCounts(r.counts))) sum.set(k, (sum.get(k) ?? 0) + n);
            }
            expect(new Map([...sum].sort())).toEqual(new Map([...expected].sort()));
          }
        }
      }),
    );
  });
});

describe('the merge SQLite’s fold does ahead of its turn (mergedCounts)', () => {
  const counts = fc.dictionary(fc.constantFrom('overall:1', 'overall:2', 'overall:10', 'reasons:kind', 'q_2:a', 'q_10:a'), fc.integer({ min: -3, max: 3 }));

  it('sums two rows’ counts by answer key and leaves out every sum of 0, as the upsert does', () => {
    // Hand-made: 2 + 1, 1 − 1 (dropped), and a key only one side has.
    expect(mergedCounts('{"overall:1":2,"overall:2":1}', '{"overall:1":1,"overall:2":-1,"reasons:kind":4}')).toBe('{"overall:1":3,"reasons:kind":4}');
    expect(mergedCounts(undefined, '{"overall:2":1}')).toBe('{"overall:2":1}');
    expect(mergedCounts('{"overall:2":1}', '{"overall:2":-1}')).toBe('{}');
    fc.assert(
      // A stored row in key order (as the upsert and this write it) or in any other.
      fc.property(fc.option(counts, { nil: undefined }), fc.boolean(), counts, (held, inOrder, added) => {
        const heldText = held && JSON.stringify(inOrder ? Object.fromEntries(Object.entries(held).sort(([a], [b]) => (a < b ? -1 : 1))) : held);
        const merged = mergedCounts(heldText, JSON.stringify(added));
        const expected: Record<string, number> = {};
        for (const part of [held ?? {}, added]) for (const [k, n] of Object.entries(part)) expected[k] = (expected[k] ?? 0) + n;
        for (const k of Object.keys(expected)) if (expected[k] === 0) delete expected[k];
        expect(JSON.parse(merged)).toEqual(expected);
        // In key order, as SQLite's GROUP BY gives them: the scores read this form straight from the text.
        expect(Object.keys(JSON.parse(merged) as object)).toEqual(Object.keys(expected).sort());
      }),
    );
  });
});
