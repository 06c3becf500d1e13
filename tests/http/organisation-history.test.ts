import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOrganisation } from '../../server/organisation/import-organisation';
import { moveUnit } from '../../server/organisation/move-unit';
import { randomUUID } from 'node:crypto';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { runCli } from '../helpers/run-cli';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { storeResponses, type StoredInput } from '../helpers/store-responses';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

// Issue 11, "history stays true": a move and a merge from a date, with the figures of the periods
// before them unchanged and the merged unit's trend running on. The demo organisation: counters
// MC-Q1 and MC-Q2 under MC; XDD-Q1 (CB-09) and XDD-Q2 (CB-10) under the commune centre XDD.
const day = (date: string) => `${date}T03:00:00Z`;
const answers = (n: number, unit: string, date: string, overall: number, official?: string): StoredInput[] =>
  Array.from({ length: n }, () => ({ surveyId: 'counter-quick', unit, submittedAt: day(date), answers: { overall }, ...(official ? { official } : {}) }));

describe.each(dialects)('the organisation over time on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-05-04T03:00:00Z') });
    await storeResponses(t, [
      ...answers(5, 'MC-Q1', '2026-02-10', 2),
      ...answers(6, 'MC-Q2', '2026-02-11', 3),
      ...answers(5, 'MC-Q2', '2026-03-12', 1),
      ...answers(5, 'XDD-Q1', '2026-03-05', 3, 'CB-09'),
      ...answers(5, 'XDD-Q2', '2026-03-06', 1, 'CB-10'),
      ...answers(5, 'XDD-Q2', '2026-04-07', 2, 'CB-10'),
    ]);
    admin = await signIn(t, 'root', 'admin');
  });
  afterEach(() => t.close());

  const scores = async (query: string) => {
    const res = await t.call('GET', `/api/scores?survey=counter-quick&${query}`, undefined, admin.headers);
    expect(res.status).toBe(200);
    return res.body;
  };
  const byKey = (rows: { key: string; responses: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.responses]));
  const move = (unit: string, parent: string, effectiveFrom: string) => moveUnit(t.database.handle.db, { unit, parent, effectiveFrom, actor: 'test', now: t.clock.now });
  const merge = (body: unknown, who = admin) => t.call('POST', '/api/staff/organisation/merges', body, who.headers);

  it('keeps a department\'s past when a counter moves out of it from a date', async () => {
    const before = await scores('unit=MC&from=2026-02-01&to=2026-02-28');
    expect(before.responses).toBe(11);
    expect(await move('MC-Q2', 'TTCK', '2026-03-01')).toEqual({ ok: true, moved: true });

    // February used the old structure: MC still had both counters, the centre TTCK neither.
    const february = await scores('unit=MC&from=2026-02-01&to=2026-02-28');
    expect(february.responses).toBe(11);
    expect(february.overall).toEqual(before.overall);
    expect((await scores('unit=TTCK&from=2026-02-01&to=2026-02-28')).responses).toBe(0);
    // From March the counter answers under TTCK.
    expect((await scores('unit=MC&from=2026-03-01&to=2026-03-31')).responses).toBe(0);
    expect((await scores('unit=TTCK&from=2026-03-01&to=2026-03-31')).responses).toBe(5);

    // Across the move: the trend and the unit table roll each date up as it was, and say so.
    const spring = await scores('unit=MC&from=2026-02-01&to=2026-04-30&by=month,unit');
    expect(spring.responses).toBe(11);
    expect(spring.breakdowns[0].rows.map((r: { key: string; responses: number }) => [r.key, r.responses])).toEqual([['2026-02', 11], ['2026-03', 0], ['2026-04', 0]]);
    expect(byKey(spring.breakdowns[1].rows)).toEqual({ MC: 11, 'MC-Q1': 5 });
    expect(spring.structureChanges).toEqual([{ unit: 'MC-Q2', kind: 'move', from: 'MC', to: 'TTCK', effectiveFrom: '2026-03-01', withinRange: true }]);
    const centre = await scores('unit=TTCK&from=2026-02-01&to=2026-04-30&by=unit');
    // The counter's own row is all of its answers; its new parent counts only those since March.
    expect(byKey(centre.breakdowns[0].rows)).toEqual({ TTCK: 5, 'MC-Q2': 11 });
    // The whole organisation is the same either way.
    expect((await scores('from=2026-02-01&to=2026-04-30')).responses).toBe(31);
  });

  it('dates a parent changed by an import from the day of the import', async () => {
    const csv = 'Mã đơn vị,Tên đơn vị,Tên tiếng Anh,Loại đơn vị,Mã đơn vị cấp trên,Thứ tự,Đang hoạt động\nMC-Q2,Quầy số 2,Counter 2,counter,TTCK,2,Có\n';
    const before = await t.call('GET', '/api/scores?survey=counter-quick&unit=MC', undefined, admin.headers);
    const outcome = await importOrganisation(t.database.handle.db, new TextEncoder().encode(csv), 'units.csv', { dryRun: false, actor: 'test', now: t.clock.now });
    expect(outcome.ok).toBe(true);
    const after = await scores('unit=MC');
    expect(after.responses).toBe(before.body.responses);
    expect(after.responses).toBe(16);
    expect(after.structureChanges).toEqual([{ unit: 'MC-Q2', kind: 'move', from: 'MC', to: 'TTCK', effectiveFrom: '2026-05-04', withinRange: true }]);
  });

  it('merges a counter into another from a date: the old one answers for its past, the new one carries the trend', async () => {
    const res = await merge({ units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-04-01' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ merged: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-04-01', retiredUnits: [], movedOfficials: ['CB-09'], movedProcedures: [] });

    const trend = await scores('unit=XDD-Q2&from=2026-03-01&to=2026-04-30&by=month');
    expect(trend.breakdowns[0].rows.map((r: { key: string; responses: number }) => [r.key, r.responses])).toEqual([['2026-03', 10], ['2026-04', 5]]);
    expect(trend.responses).toBe(15);
    // The old counter still answers for March, alone; the commune centre is as it was.
    const old = await scores('unit=XDD-Q1&from=2026-03-01&to=2026-03-31');
    expect(old.responses).toBe(5);
    expect(old.overall.index).toBe(100);
    expect((await scores('unit=XDD&from=2026-03-01&to=2026-04-30')).responses).toBe(15);
    const table = await scores('unit=XDD&from=2026-03-01&to=2026-04-30&by=unit');
    expect(byKey(table.breakdowns[0].rows)).toEqual({ XDD: 15, 'XDD-Q2': 15, 'XDD-Q1': 5 });

    // The retired counter takes no new answer, and is in the audit log.
    const units = await t.database.handle.db.selectFrom('units').select(['code', 'parent_code', 'active']).where('code', '=', 'XDD-Q1').executeTakeFirstOrThrow();
    expect({ ...units, active: Number(units.active) }).toEqual({ code: 'XDD-Q1', parent_code: 'XDD-Q2', active: 0 });
    const audit = await t.database.handle.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'organisation.merge').execute();
    expect(audit).toEqual([{ action: 'organisation.merge', target: 'XDD-Q2' }]);
  });

  it('refuses a merge that cannot be, and changes nothing', async () => {
    const viewer = await signIn(t, 'hoa', 'manager', 'XDD');
    expect((await merge({ units: ['XDD-Q1'], into: 'XDD-Q2' }, viewer)).status).toBe(403);
    const cases: [unknown, number, string][] = [
      [{ units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-05-05' }, 400, 'effective_date_in_future'],
      [{ units: ['XDD'], into: 'XDD-Q1', effectiveFrom: '2026-04-01' }, 409, 'merge_into_own_unit'],
      [{ units: ['XDD-Q1'], into: 'NOPE', effectiveFrom: '2026-04-01' }, 404, 'unknown_unit'],
      [{ units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-4-1' }, 400, 'invalid_request'],
      [{ units: [], into: 'XDD-Q2' }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await merge(body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect((await t.call('GET', '/api/staff/organisation/changes', undefined, admin.headers)).body).toEqual([]);
    // Once merged, the counter cannot be merged again, nor take a change dated before its last.
    expect((await merge({ units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-04-01' })).status).toBe(201);
    const again = await merge({ units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-04-02' });
    expect([again.status, again.body.error.code]).toEqual([409, 'unit_retired']);
    expect((await merge({ units: ['XDD-Q2'], into: 'XDD-Q1' })).body.error.code).toBe('unit_retired');
    // A move is checked like a row of the organisation file: no unit under its own counter.
    expect(await move('MC', 'MC-Q1', '2026-04-01')).toMatchObject({ ok: false, refusals: [{ reason: 'cycle' }] });
    await expect(move('MC-Q2', 'TTCK', '2026-03-01')).resolves.toEqual({ ok: true, moved: true });
    await expect(move('MC-Q2', 'MC', '2026-02-01')).rejects.toMatchObject({ code: 'change_out_of_order' });
    const changes = (await t.call('GET', '/api/staff/organisation/changes', undefined, admin.headers)).body;
    expect(changes.map((c: { unit: string; kind: string }) => `${c.kind} ${c.unit}`)).toEqual(['move MC-Q2', 'merge XDD-Q1']);
  });
  it('moves and merges from the command line, and refuses a date ahead', async () => {
    const moved = await runCli(t.database, ['org', 'move', 'MC-Q2', '--to', 'TTCK', '--from', '2026-03-01']);
    expect([moved.status, moved.stdout.trim()]).toEqual([0, 'moved MC-Q2 under TTCK from 2026-03-01']);
    const merged = await runCli(t.database, ['org', 'merge', 'XDD-Q1', '--into', 'XDD-Q2', '--from', '2026-04-01']);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain('merged XDD-Q1 into XDD-Q2 from 2026-04-01');
    expect(merged.stdout).toContain('officials now in XDD-Q2: CB-09');
    // The CLI runs on the real clock: a year ahead is always in the future.
    const ahead = await runCli(t.database, ['org', 'move', 'MC-Q1', '--to', 'TTCK', '--from', '2099-01-01']);
    expect(ahead.status).toBe(1);
    expect(ahead.stderr).toContain('refused: nothing was stored');
    expect((await scores('unit=MC&from=2026-02-01&to=2026-02-28')).responses).toBe(11);
    expect((await scores('unit=XDD-Q2&from=2026-03-01&to=2026-03-31')).responses).toBe(10);
  });
  it('still takes what was given before a merge or a move: a paper form dated before, a slip handed out before', async () => {
    const { headers } = await apiKeyHeaders(t, ['XDD']);
    const issued = await t.call('POST', '/api/invitations', invitationRequest({ unit: 'XDD-Q1', official: 'CB-09', dueAt: '2026-04-20' }), headers);
    expect(issued.status).toBe(201);
    const slip = issued.body;
    expect((await merge({ units: ['XDD-Q1'], into: 'XDD-Q2', effectiveFrom: '2026-04-01' })).status).toBe(201);
    const paper = (submittedAt: string) =>
      t.call('POST', '/api/responses', { id: randomUUID(), surveyId: 'counter-quick', channel: 'paper', unit: 'XDD-Q1', official: 'CB-09', submittedAt, answers: { overall: 2 } }, admin.headers);
    // A form filled in at the old counter in March counts there; one dated after the merge is refused.
    expect((await paper('2026-03-28T03:00:00Z')).status).toBe(201);
    const late = await paper('2026-04-02T03:00:00Z');
    expect([late.status, late.body.error.issues.map((i: { code: string }) => i.code)]).toEqual([400, ['unit_retired', 'official_not_in_unit']]);
    // The citizen handed a slip at the old counter rates it after the merge: it counts for it.
    const rated = await t.call('POST', `/api/invitation-tokens/${slip.token}/responses`, { id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 3 } });
    expect(rated.status).toBe(201);
    expect((await scores('unit=XDD-Q1&from=2026-03-01&to=2026-05-31')).responses).toBe(7);
  });
});
