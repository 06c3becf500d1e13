import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { enrolTestDevice } from '../helpers/kiosk-device';
import { signIn, type SignedIn } from '../helpers/staff-session';
import { createAppOn, createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';
import { answerCountRows } from '../helpers/answer-count-rows';

// The questionnaire editor's API (issue 12) on a real database: drafts, publishing, answers to the
// new version and their scores, retirement, import/export, and who may do what.
const NOW = new Date('2026-03-10T03:00:00Z');

const paper = (overrides: Record<string, unknown>) => ({ id: randomUUID(), channel: 'paper', unit: 'MC-Q1', ...overrides });

describe.each(dialects)('questionnaire editor on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: NOW });
    admin = await signIn(t, 'root', 'admin');
  });
  afterEach(() => t.close());
  const db = () => t.database.handle.db;
  const as = (who: SignedIn) => (method: string, path: string, body?: unknown) => t.call(method, path, body, who.headers);

  /** counter-quick v2 in draft: a new criterion on the same scale and a new option of `reasons`. */
  async function draftV2() {
    const res = await as(admin)('POST', '/api/staff/surveys/counter-quick/draft', {});
    expect(res.status).toBe(201);
    const def = structuredClone(res.body.definition);
    def.elements[0].criteria.push({ id: 'waiting', text: { vi: 'Thời gian chờ đến lượt', en: 'Waiting time' }, scale: 'three', required: false });
    def.questions[0].options.push({ id: 'friendly_place', label: { vi: 'Nơi tiếp dân thân thiện', en: 'A friendly office' } });
    return { created: res.body, def };
  }

  it('makes a draft of the next version, saves it, publishes it; v2 takes answers that count in the scores', async () => {
    const { created, def } = await draftV2();
    expect(created).toMatchObject({ issues: [], definition: { id: 'counter-quick', version: 2, status: 'draft' } });
    const saved = await as(admin)('PUT', '/api/staff/surveys/counter-quick/draft', { definition: def, updatedAt: created.updatedAt });
    expect(saved.status).toBe(200);
    const read = await as(admin)('GET', '/api/staff/surveys/counter-quick/draft');
    expect(read.body).toMatchObject({ basedOn: 1, updatedAt: saved.body.updatedAt });
    expect(read.body.definition.elements[0].criteria.map((c: { id: string }) => c.id)).toEqual(['overall', 'waiting']);

    const list = await as(admin)('GET', '/api/staff/surveys');
    expect(list.body.surveys.find((s: { id: string }) => s.id === 'counter-quick')).toMatchObject({
      versions: [{ version: 1, publishedBy: null, retiredAt: null }],
      draft: { basedOn: 1, version: 2, updatedBy: 'root' },
    });

    t.clock.now = new Date('2026-03-10T04:00:00Z');
    const published = await as(admin)('POST', '/api/staff/surveys/counter-quick/draft/publish', { updatedAt: saved.body.updatedAt });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 2, publishedAt: '2026-03-10T04:00:00.000Z' });
    expect((await as(admin)('GET', '/api/staff/surveys/counter-quick/draft')).status).toBe(404);
    expect((await t.call('GET', '/api/surveys/counter-quick')).body.version).toBe(2);
    // A kiosk running all day learns of it with its next heartbeat and loads it at its next person.
    const tablet = await enrolTestDevice(t, { unit: 'MC-Q1' });
    expect((await t.call('POST', '/api/kiosk/heartbeat', { queued: 0 }, tablet.headers)).body.device.versions).toEqual({ quick: 2, full: 1 });
    expect((await t.call('GET', '/api/surveys')).body.find((s: { id: string }) => s.id === 'counter-quick').version).toBe(2);
    const v2 = await as(admin)('GET', '/api/staff/surveys/counter-quick/versions/2');
    expect(v2.body).toMatchObject({ version: 2, status: 'published' });

    // Answers to v2 and (from a kiosk's queue) to v1 both count under the ids they share.
    const answer2 = await as(admin)('POST', '/api/responses', paper({ surveyId: 'counter-quick', surveyVersion: 2, answers: { overall: 3, waiting: 1, reasons: ['friendly_place'] } }));
    expect(answer2.status).toBe(201);
    expect(answer2.body.surveyVersion).toBe(2);
    expect((await as(admin)('POST', '/api/responses', paper({ surveyId: 'counter-quick', surveyVersion: 1, answers: { overall: 1 } }))).status).toBe(201);
    const counts = (await answerCountRows(db())).map((r) => `${r.question_id}=${r.value}:${r.n}`).sort();
    expect(counts).toEqual(expect.arrayContaining(['overall=1:1', 'overall=3:1', 'waiting=1:1', 'reasons=friendly_place:1']));
    const scores = await as(admin)('GET', '/api/scores?survey=counter-quick&from=2026-03-01&to=2026-03-31');
    expect(scores.status).toBe(200);
    expect(JSON.stringify(scores.body)).toContain('waiting');

    const changes = await as(admin)('GET', '/api/staff/surveys/counter-quick/changes');
    expect(changes.body).toEqual({ changes: [{ version: 2, publishedAt: '2026-03-10T04:00:00.000Z', added: ['waiting'], removed: [] }] });
    const audit = await db().selectFrom('audit_log').select(['action', 'target', 'actor']).where('action', 'like', 'survey.%').orderBy('at').execute();
    expect(audit).toEqual([
      { action: 'survey.draft_create', target: 'counter-quick', actor: 'root' },
      { action: 'survey.publish', target: 'counter-quick', actor: 'root' },
    ]);
    expect((await as(admin)('GET', '/api/staff/surveys')).body.surveys.find((s: { id: string }) => s.id === 'counter-quick').versions[1]).toEqual({
      version: 2, publishedAt: '2026-03-10T04:00:00.000Z', publishedBy: 'root', retiredAt: null,
    });
  });

  it('refuses to edit a published version, to change what a kept id means, and a stale or second draft', async () => {
    const { created, def } = await draftV2();
    const put = (definition: unknown, updatedAt?: string) => as(admin)('PUT', '/api/staff/surveys/counter-quick/draft', { definition, ...(updatedAt ? { updatedAt } : {}) });

    expect((await put({ ...def, version: 1 })).body.error.code).toBe('version_published');
    expect((await put({ ...def, version: 1 })).status).toBe(409);

    const rescaled = structuredClone(def);
    rescaled.scales.three.satisfied = [3];
    const refused = await put(rescaled);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid_definition');
    expect(refused.body.error.issues).toEqual([
      expect.objectContaining({ path: 'elements.0.criteria.0.scale', code: 'scale_changed', message: expect.stringMatching(/"overall".*version 1.*new id/) }),
    ]);
    const dropped = structuredClone(def);
    dropped.questions[0].options = dropped.questions[0].options.filter((o: { id: string }) => o.id !== 'late');
    expect((await put(dropped)).body.error.issues).toEqual([expect.objectContaining({ path: 'questions.0.options', code: 'option_removed', params: expect.objectContaining({ option: 'late' }) })]);
    const wordless = structuredClone(def);
    wordless.elements[0].criteria[1].text.vi = '';
    expect((await put(wordless)).body.error.issues).toEqual([expect.objectContaining({ path: 'elements.0.criteria.1.text.vi' })]);
    const unknownScale = structuredClone(def);
    unknownScale.elements[0].criteria[1].scale = 'seven';
    expect((await put(unknownScale)).body.error.issues).toEqual([expect.objectContaining({ path: 'elements.0.criteria.1.scale', code: 'unknown_scale' })]);
    // Nothing of the refusals was saved.
    expect((await as(admin)('GET', '/api/staff/surveys/counter-quick/draft')).body.updatedAt).toBe(created.updatedAt);

    const ok = await put(def, created.updatedAt);
    expect(ok.status).toBe(200);
    expect((await put(def, created.updatedAt)).body.error.code).toBe('draft_changed');
    expect((await as(admin)('POST', '/api/staff/surveys/counter-quick/draft/publish', { updatedAt: created.updatedAt })).body.error.code).toBe('draft_changed');
    expect((await as(admin)('POST', '/api/staff/surveys/counter-quick/draft', {})).body.error.code).toBe('draft_exists');
    expect((await as(admin)('POST', '/api/staff/surveys/no-such/draft', {})).status).toBe(404);
    expect((await as(admin)('GET', '/api/staff/surveys/sipas-2017/draft')).body.error.code).toBe('no_draft');
    // The published version itself never changed.
    expect((await as(admin)('GET', '/api/staff/surveys/counter-quick/versions/1')).body.scales.three.satisfied).toEqual([2, 3]);
    expect((await as(admin)('DELETE', '/api/staff/surveys/counter-quick/draft')).status).toBe(204);
    expect((await as(admin)('GET', '/api/staff/surveys/counter-quick/draft')).status).toBe(404);
  });

  it('retires a version: no longer offered, later answers refused, earlier ones taken; the quick rating keeps one', async () => {
    const quick = await as(admin)('POST', '/api/staff/surveys/counter-quick/versions/1/retire');
    expect(quick.status).toBe(409);
    expect(quick.body.error.code).toBe('quick_rating_needed');

    t.clock.now = new Date('2026-03-10T05:00:00Z');
    const retired = await as(admin)('POST', '/api/staff/surveys/provincial-short/versions/1/retire');
    expect(retired.status).toBe(200);
    expect(retired.body).toEqual({ version: 1, retiredAt: '2026-03-10T05:00:00.000Z' });
    expect((await t.call('GET', '/api/surveys')).body.map((s: { id: string }) => s.id)).not.toContain('provincial-short');
    expect((await t.call('GET', '/api/surveys/provincial-short')).status).toBe(404);
    expect((await t.call('GET', '/api/surveys/provincial-short?version=1')).status).toBe(200);
    // Its past figures still read on the dashboard.
    expect((await as(admin)('GET', '/api/scores/options')).body.surveys.map((s: { id: string }) => s.id)).toContain('provincial-short');

    const answer = (submittedAt: string) => as(admin)('POST', '/api/responses', paper({ surveyId: 'provincial-short', surveyVersion: 1, submittedAt, answers: { ps_off_polite: 4 } }));
    const late = await answer('2026-03-10T05:30:00Z');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('survey_retired');
    expect((await answer('2026-03-10T04:30:00Z')).status).toBe(201);

    const { headers } = await apiKeyHeaders(t, ['MC']);
    const invitation = await t.call('POST', '/api/invitations', invitationRequest({ survey: 'provincial-short' }), headers);
    expect(invitation.status).toBe(400);
    expect(invitation.body.error.issues).toEqual([expect.objectContaining({ path: 'survey', code: 'survey_retired' })]);
  });

  it('refuses every change to managers, viewers, the anonymous and a request without the CSRF token, and changes nothing', async () => {
    await draftV2();
    const manager = await signIn(t, 'lan', 'manager', 'MC');
    const viewer = await signIn(t, 'xem', 'viewer', 'MC');
    const noCsrf: SignedIn = { username: 'root', headers: { cookie: admin.headers.cookie! } };
    const anonymous: SignedIn = { username: '', headers: {} };
    const snapshot = async () => ({
      versions: await db().selectFrom('survey_versions').select(['survey_id', 'version', 'retired_at']).orderBy('survey_id').orderBy('version').execute(),
      drafts: await db().selectFrom('survey_drafts').selectAll().execute(),
      generation: await db().selectFrom('survey_catalog').select('generation').execute(),
    });
    const before = await snapshot();
    const attacks: [string, string, unknown][] = [
      ['POST', '/api/staff/surveys/sipas-2017/draft', {}],
      ['PUT', '/api/staff/surveys/counter-quick/draft', { definition: { id: 'counter-quick' } }],
      ['DELETE', '/api/staff/surveys/counter-quick/draft', undefined],
      ['POST', '/api/staff/surveys/counter-quick/draft/publish', {}],
      ['POST', '/api/staff/surveys/provincial-short/versions/1/retire', undefined],
      ['POST', '/api/staff/surveys/import', { format: 'sipas', definition: { id: 'x' } }],
    ];
    for (const [who, expected, code] of [[manager, 403, 'forbidden'], [viewer, 403, 'forbidden'], [anonymous, 401, 'not_signed_in'], [noCsrf, 403, 'csrf']] as const) {
      for (const [method, path, body] of attacks) {
        const res = await as(who)(method, path, body);
        expect([path, res.status, res.body.error.code]).toEqual([path, expected, code]);
      }
    }
    expect(await snapshot()).toEqual(before);
    // Reading is for every signed-in person, and nobody else.
    expect((await as(viewer)('GET', '/api/staff/surveys')).status).toBe(200);
    expect((await as(manager)('GET', '/api/staff/surveys/counter-quick/draft')).status).toBe(200);
    expect((await as(anonymous)('GET', '/api/staff/surveys')).status).toBe(401);
    expect((await as(anonymous)('GET', '/api/staff/surveys/counter-quick/versions/1')).status).toBe(401);
  });

  it('exports a version as sipas and SurveyJS files that import back to the same questionnaire', async () => {
    const sipas = await as(admin)('GET', '/api/staff/surveys/sipas-2017/versions/1/export?format=sipas');
    expect(sipas.status).toBe(200);
    expect(sipas.headers.get('content-disposition')).toBe('attachment; filename="sipas-2017.v1.json"');
    const imported = await as(admin)('POST', '/api/staff/surveys/import', { format: 'sipas', definition: sipas.body });
    expect(imported.status).toBe(201);
    expect(imported.body.issues).toEqual([]);
    expect({ ...imported.body.definition, version: 1, status: 'published' }).toEqual(sipas.body);
    expect(imported.body.definition.version).toBe(2);
    expect((await as(admin)('POST', '/api/staff/surveys/import', { format: 'sipas', definition: sipas.body })).body.error.code).toBe('draft_exists');

    const sj = await as(admin)('GET', '/api/staff/surveys/counter-quick/versions/1/export?format=surveyjs');
    expect(sj.headers.get('content-disposition')).toBe('attachment; filename="counter-quick.v1.surveyjs.json"');
    expect(sj.body.pages[0].elements[0]).toMatchObject({ type: 'rating', name: 'overall' });
    const fromSj = await as(admin)('POST', '/api/staff/surveys/import', { format: 'surveyjs', definition: sj.body, id: 'quick-copy' });
    expect(fromSj.status).toBe(201);
    const original = sipas.body; // only for its shape below
    expect(original.id).toBe('sipas-2017');
    const quickV1 = (await as(admin)('GET', '/api/staff/surveys/counter-quick/versions/1')).body;
    expect(fromSj.body.definition.questions.map((q: { id: string; type: string }) => `${q.id}:${q.type}`)).toEqual(quickV1.questions.map((q: { id: string; type: string }) => `${q.id}:${q.type}`));
    expect(fromSj.body.definition.elements[0].criteria[0].text).toEqual(quickV1.elements[0].criteria[0].text);
    const list = await as(admin)('GET', '/api/staff/surveys');
    expect(list.body.surveys.find((s: { id: string }) => s.id === 'quick-copy')).toMatchObject({ versions: [], draft: { basedOn: null, version: 1 } });
    // A new questionnaire is published as version 1 and then offered.
    expect((await as(admin)('POST', '/api/staff/surveys/quick-copy/draft/publish')).status).toBe(201);
    expect((await t.call('GET', '/api/surveys/quick-copy')).body.version).toBe(1);

    const matrix = await as(admin)('POST', '/api/staff/surveys/import', {
      format: 'surveyjs', id: 'matrix-test',
      definition: { title: 'T', description: 'D', pages: [{ name: 'p1', title: 'P', elements: [{ type: 'matrix', name: 'grid', title: 'G' }] }] },
    });
    expect(matrix.status).toBe(422);
    expect(matrix.body.error.code).toBe('unsupported_surveyjs');
    expect(matrix.body.error.message).toContain('"grid" (type matrix) at pages.0.elements.0');
    expect((await as(admin)('POST', '/api/staff/surveys/import', { format: 'surveyjs', definition: sj.body })).status).toBe(400);
  });
});

describe.each(dialects)('hostile questionnaire files from an admin on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: NOW });
  });
  afterEach(() => t.close());

  it('answers any JSON sent to import or as a draft with a 4xx naming what is wrong (or a success), never a 5xx', async () => {
    const admin = await signIn(t, 'root', 'admin');
    expect((await t.call('POST', '/api/staff/surveys/sipas-2017/draft', {}, admin.headers)).status).toBe(201);
    const surveyJsLike = fc.record({
      title: fc.oneof(fc.string(), fc.jsonValue()), description: fc.oneof(fc.string(), fc.jsonValue()),
      pages: fc.array(fc.record({ name: fc.constantFrom('p', 'P 1', ''), title: fc.jsonValue(), elements: fc.array(fc.record({ type: fc.constantFrom('rating', 'radiogroup', 'checkbox', 'comment', 'text'), name: fc.constantFrom('q', 'q2', '__proto__'), title: fc.string(), choices: fc.jsonValue(), rateValues: fc.jsonValue(), visibleIf: fc.string() }, { requiredKeys: ['type'] }), { maxLength: 3 }) }), { maxLength: 2 }),
    }, { requiredKeys: [] });
    const body = fc.oneof(
      fc.record({ format: fc.constantFrom('sipas', 'surveyjs', 'xml'), definition: fc.oneof(fc.jsonValue(), surveyJsLike), id: fc.constantFrom(undefined, 'fuzz-survey', 'Bad Id') }, { requiredKeys: ['format', 'definition'] }),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (json, asDraft) => {
        const res = asDraft
          ? await t.call('PUT', '/api/staff/surveys/sipas-2017/draft', { definition: json }, admin.headers)
          : await t.call('POST', '/api/staff/surveys/import', json, admin.headers);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status >= 400) expect(typeof res.body.error.code).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});

describe.each(dialects)('two app servers on one %s database', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  beforeEach(async () => {
    a = await createTestApp(dialect, { now: NOW });
    b = await createAppOn(a.database.config, { now: NOW });
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('each sees a publish or a retirement made on the other on its next request', async () => {
    const admin = await signIn(a, 'root', 'admin');
    expect((await b.call('GET', '/api/surveys/counter-quick')).body.version).toBe(1);
    const draft = await a.call('POST', '/api/staff/surveys/counter-quick/draft', {}, admin.headers);
    expect((await a.call('POST', '/api/staff/surveys/counter-quick/draft/publish', { updatedAt: draft.body.updatedAt }, admin.headers)).status).toBe(201);

    // The submission on b names a version b has not seen: the miss reads the catalog.
    const typist = await signIn(b, 'typist', 'admin');
    const answer = await b.call('POST', '/api/responses', paper({ surveyId: 'counter-quick', surveyVersion: 2, answers: { overall: 2 } }), typist.headers);
    expect(answer.status).toBe(201);
    expect(answer.body.surveyVersion).toBe(2);
    expect((await b.call('GET', '/api/surveys/counter-quick')).body.version).toBe(2);

    // An answer to a version b knows reads nothing of the catalog (the submission's hot path).
    const refresh = vi.spyOn(b.database.surveys, 'refresh');
    expect((await b.call('POST', '/api/responses', paper({ surveyId: 'counter-quick', surveyVersion: 1, answers: { overall: 3 } }), typist.headers)).status).toBe(201);
    expect(refresh).not.toHaveBeenCalled();
    expect((await b.call('POST', '/api/responses', paper({ surveyId: 'counter-quick', surveyVersion: 9, answers: { overall: 3 } }), typist.headers)).status).toBe(400);
    expect(refresh).toHaveBeenCalled();
    refresh.mockRestore();

    expect((await a.call('POST', '/api/staff/surveys/provincial-short/versions/1/retire', undefined, admin.headers)).status).toBe(200);
    expect((await b.call('GET', '/api/surveys')).body.map((s: { id: string }) => s.id)).not.toContain('provincial-short');
    const late = await b.call('POST', '/api/responses', paper({ surveyId: 'provincial-short', surveyVersion: 1, answers: { ps_off_polite: 4 } }), typist.headers);
    expect(late.body.error.code).toBe('survey_retired');
  });
});
