import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetentionJob } from '../../server/retention/retention-job';
import { feedbackItem } from '../helpers/feedback-fixtures';
import { storeResponses } from '../helpers/store-responses';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

const YEAR_2025 = 'survey=sipas-2017&from=2025-01-01&to=2025-12-31';

describe.each(dialects)('retention on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2025-03-10T02:00:00Z') });
    expect((await t.call('POST', '/api/feedback', feedbackItem({ unit: 'MC-Q1', text: 'Phải chờ đợi quá lâu ở quầy' }))).status).toBe(201);
    t.clock.now = new Date('2026-03-01T02:00:00Z');
    await storeResponses(t, [
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: '2025-03-03T03:00:00Z', answers: { access_seats: 1, off_polite: 4, suggestion: 'Phải chờ đợi quá lâu' } },
      { unit: 'MC-Q1', official: 'CB-01', submittedAt: '2025-03-04T03:00:00Z', answers: { access_seats: 5, off_polite: 5, suggestion: 'Cán bộ rất nhiệt tình' } },
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: '2025-06-04T03:00:00Z', answers: { access_seats: 3, off_polite: 2 } },
      { unit: 'MC-Q2', official: 'CB-03', submittedAt: '2026-02-04T03:00:00Z', answers: { access_seats: 4, suggestion: 'Xếp hàng lâu' } },
    ]);
    admin = await signIn(t, 'root2', 'admin');
  });
  afterEach(() => t.close());

  it('keeps everything by default, and only an admin sets the period, at least a month', async () => {
    const lan = await signIn(t, 'lan', 'manager', 'MC');
    expect((await t.call('GET', '/api/staff/retention', undefined, admin.headers)).body).toEqual({ responseDays: null, updatedAt: null, updatedBy: null });
    expect((await t.call('PUT', '/api/staff/retention', { responseDays: 365 }, lan.headers)).status).toBe(403);
    expect((await t.call('PUT', '/api/staff/retention', { responseDays: 7 }, admin.headers)).status).toBe(400);
    expect(await new RetentionJob(t.database.handle.db, () => t.clock.now).runOnce()).toBeNull();
    expect(Number((await t.database.handle.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(4);
  });

  it('deletes expired raw responses and blanks their texts once a day, while scores and themes answer exactly as before', async () => {
    const db = t.database.handle.db;
    // The feedback item is answered, so its text may go too.
    const item = await db.selectFrom('feedback_items').select('id').executeTakeFirstOrThrow();
    await db.updateTable('feedback_items').set({ status: 'answered', reply: 'Đã xử lý' }).where('id', '=', item.id).execute();
    const queries = [YEAR_2025, `${YEAR_2025}&unit=MC&by=unit,official,channel,month`, 'survey=sipas-2017&from=2025-03-01&to=2025-03-31&unit=MC-Q1'];
    const before = await Promise.all(queries.map((q) => t.call('GET', `/api/scores?${q}`, undefined, admin.headers)));
    const themesBefore = await t.call('GET', `/api/staff/themes?${YEAR_2025}`, undefined, admin.headers);
    expect(themesBefore.body.themes.find((x: any) => x.id === 'waiting').texts).toBe(2);

    const put = await t.call('PUT', '/api/staff/retention', { responseDays: 300 }, admin.headers);
    expect(put.body).toMatchObject({ responseDays: 300, updatedBy: 'root2' });
    const job = new RetentionJob(db, () => t.clock.now);
    // Cutoff 2025-05-05: the two March responses, their texts and the March item's text go.
    expect(await job.runOnce()).toEqual({ cutoff: '2025-05-05', responses: 2, texts: 3, feedbackTexts: 1 });
    expect(await job.runOnce()).toBeNull(); // the day is claimed: a second server does nothing

    const ids = (await db.selectFrom('responses').select('local_date').orderBy('local_date').execute()).map((r) => r.local_date);
    expect(ids).toEqual(['2025-06-04', '2026-02-04']);
    const after = await Promise.all(queries.map((q) => t.call('GET', `/api/scores?${q}`, undefined, admin.headers)));
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
    const themesAfter = await t.call('GET', `/api/staff/themes?${YEAR_2025}`, undefined, admin.headers);
    expect(themesAfter.body.themes.map((x: any) => [x.id, x.texts, x.withTheme])).toEqual(themesBefore.body.themes.map((x: any) => [x.id, x.texts, x.withTheme]));
    expect(themesAfter.body.themes.flatMap((x: any) => x.examples)).toEqual([]);
    // A lexicon edit afterwards re-tags the texts still there and leaves the blanked ones' themes.
    const lexicon = (await t.call('GET', '/api/staff/themes/lexicon', undefined, admin.headers)).body.lexicon;
    expect((await t.call('PUT', '/api/staff/themes/lexicon', { lexicon }, admin.headers)).body.retagged).toBe(1);
    const themesRetagged = await t.call('GET', `/api/staff/themes?${YEAR_2025}`, undefined, admin.headers);
    expect(themesRetagged.body.themes.map((x: any) => [x.id, x.texts])).toEqual(themesBefore.body.themes.map((x: any) => [x.id, x.texts]));
    expect(await db.selectFrom('feedback_items').select(['text', 'reply', 'status']).execute()).toEqual([{ text: '', reply: '', status: 'answered' }]);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'retention.%').orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['retention.set', 'retention.purge']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ responses: 2 });
  });
  it('refuses an answer dated before the cutoff, so a resend of a deleted response is never counted twice', async () => {
    const db = t.database.handle.db;
    const form = { id: randomUUID(), surveyId: 'counter-quick', channel: 'paper', unit: 'MC-Q1', submittedAt: '2025-04-01T03:00:00Z', answers: { overall: 3 } };
    const count = async () => Number((await db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Kept for ever by default: an old paper form is taken, and its resend is the same one.
    expect((await t.call('POST', '/api/responses', form, admin.headers)).status).toBe(201);
    expect((await t.call('POST', '/api/responses', form, admin.headers)).status).toBe(200);
    expect(await count()).toBe(5);
    await t.call('PUT', '/api/staff/retention', { responseDays: 300 }, admin.headers);
    await new RetentionJob(db, () => t.clock.now).runOnce();
    expect(await count()).toBe(2);
    const march = await t.call('GET', '/api/scores?survey=counter-quick&from=2025-04-01&to=2025-04-30', undefined, admin.headers);
    expect(march.body.responses).toBe(1);
    // The row is gone; sent again, it would count a second time: it is refused and nothing changes.
    const again = await t.call('POST', '/api/responses', form, admin.headers);
    expect([again.status, again.body.error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)]).toEqual([400, ['submittedAt:too_old']]);
    expect((await t.call('GET', '/api/scores?survey=counter-quick&from=2025-04-01&to=2025-04-30', undefined, admin.headers)).body.responses).toBe(1);
    // A recent answer is taken as always.
    expect((await t.call('POST', '/api/responses', { ...form, id: randomUUID(), submittedAt: '2026-02-20T03:00:00Z' }, admin.headers)).status).toBe(201);
  });
});
