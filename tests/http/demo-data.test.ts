// The demo a newcomer seeds (`sipas seed --demo-responses N`) tells a story an office would
// recognise, and it shows in the scores the dashboard reads: two weak criteria, one counter ahead
// of the other, one official well below target, and a year of improvement. Fixed seed, fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFeedback } from '../../server/seed/demo-feedback';
import { seedDemoResponses } from '../../server/seed/demo-responses';
import { DEMO_SEED, demoStructure } from '../../server/seed/synthetic-responses';
import { listOfficials, listProcedures, listUnits } from '../../server/repos/organisation';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-20T03:00:00Z');
type Row = { key: string; responses: number; overall: { index: number | null } };

describe('the synthetic demo data', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let report: { criteria: { id: string; index: number }[]; overall: { index: number }; breakdowns: { by: string; rows: Row[] }[] };
  let structure: ReturnType<typeof demoStructure>;
  let officialRows: Row[];

  beforeAll(async () => {
    t = await createTestApp('sqlite', { now: NOW });
    const db = t.database.handle.db;
    expect(await seedDemoResponses(db, t.database.surveys, 3000, NOW, DEMO_SEED)).toBe(3000);
    // The same seed again adds nothing: the demo is the same every time.
    expect(await seedDemoResponses(db, t.database.surveys, 3000, NOW, DEMO_SEED)).toBe(0);
    const org = { units: await listUnits(db), procedures: await listProcedures(db), officials: await listOfficials(db) };
    structure = demoStructure(org);
    expect(await seedDemoFeedback(db, Buffer.alloc(32, 7), org, 30, NOW, DEMO_SEED)).toBe(30);
    headers = (await signIn(t, 'demo-admin', 'admin')).headers;
    const res = await t.call('GET', '/api/scores?survey=sipas-2017&from=2025-11-21&to=2026-11-20&by=unit,month&service=0', undefined, headers);
    expect(res.status).toBe(200);
    report = res.body;
    // Per-official figures exist only for a whole period that has ended: the third quarter.
    const quarter = await t.call('GET', '/api/scores?survey=sipas-2017&from=2026-07-01&to=2026-09-30&by=official&service=0', undefined, headers);
    officialRows = quarter.body.breakdowns[0].rows;
  }, 120_000);
  afterAll(() => t.close());

  const rows = (by: string) => report.breakdowns.find((b) => b.by === by)!.rows;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  it('has two weak criteria, waiting seats and handling time, well below the rest', () => {
    const byIndex = [...report.criteria].sort((a, b) => a.index - b.index);
    expect(byIndex.slice(0, 2).map((c) => c.id).sort()).toEqual(['access_seats', 'proc_time']);
    const middle = median(report.criteria.map((c) => c.index));
    for (const weak of byIndex.slice(0, 2)) expect(middle - weak.index, weak.id).toBeGreaterThan(10);
    expect(report.overall.index).toBeGreaterThan(80);
    expect(report.overall.index).toBeLessThan(95);
  });

  it('has one counter ahead of the other', () => {
    const index = (code: string) => rows('unit').find((r) => r.key === code)!.overall.index!;
    expect(index(structure.better) - index(structure.weaker)).toBeGreaterThan(4);
  });

  it('has one official well below the 90% target and the others', () => {
    const officials = officialRows.filter((r) => r.overall.index !== null);
    expect(officials.length).toBeGreaterThanOrEqual(4); // the four counter officials, none withheld
    const weak = officials.find((r) => r.key === structure.weakOfficial)!;
    expect(weak.overall.index).toBeLessThan(80);
    expect(Math.min(...officials.map((r) => r.overall.index!))).toBe(weak.overall.index);
    expect(median(officials.map((r) => r.overall.index!)) - weak.overall.index!).toBeGreaterThan(10);
  });

  it('improves over the year', () => {
    const months = rows('month').filter((r) => r.responses > 0).map((r) => r.overall.index!);
    expect(months.length).toBeGreaterThanOrEqual(12);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(months.slice(-3)) - mean(months.slice(0, 3))).toBeGreaterThan(6);
  });

  it('has Vietnamese suggestions and feedback items, most answered', async () => {
    const suggestions = (await t.call('GET', '/api/scores/suggestions?survey=sipas-2017&limit=50', undefined, headers)).body.suggestions as { text: string }[];
    expect(suggestions.length).toBeGreaterThan(20);
    expect(suggestions.some((s) => /ghế ngồi chờ/.test(s.text))).toBe(true);
    const inbox = (await t.call('GET', '/api/feedback/items?status=all&limit=100', undefined, headers)).body as { total: number; items: { status: string; text: string }[] };
    expect(inbox.total).toBe(30);
    expect(inbox.items.filter((i) => i.status === 'answered').length).toBeGreaterThan(15);
    expect(inbox.items.every((i) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(i.text))).toBe(true);
  });
});
