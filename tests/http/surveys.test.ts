import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('GET /api/surveys on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lists the published questionnaires with id, version and titles', async () => {
    const res = await t.call('GET', '/api/surveys');
    expect(res.status).toBe(200);
    expect(res.body.map((s: { id: string; version: number }) => `${s.id}@${s.version}`)).toEqual(['counter-quick@1', 'provincial-short@1', 'sipas-2017@1', 'sipas-2023@1']);
    expect(res.body[2].title).toEqual({ vi: 'Khảo sát sự hài lòng về sự phục vụ hành chính (SIPAS)', en: 'Satisfaction with administrative services (SIPAS)' });
  });

  it('returns one definition with its elements and their criteria', async () => {
    const res = await t.call('GET', '/api/surveys/sipas-2017');
    expect(res.status).toBe(200);
    expect(res.body.elements).toHaveLength(5);
    expect(res.body.elements[2].id).toBe('official');
    expect(res.body.elements[2].criteria.map((c: { id: string }) => c.id)).toContain('off_polite');
    expect((await t.call('GET', '/api/surveys/sipas-2017?version=1')).body.version).toBe(1);
  });

  it('answers 404 with an error code for an unknown questionnaire or version', async () => {
    const res = await t.call('GET', '/api/surveys/sipas-1999');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'unknown_survey', message: expect.any(String) } });
    expect((await t.call('GET', '/api/surveys/sipas-2017?version=9')).status).toBe(404);
    expect((await t.call('GET', '/api/surveys/sipas-2017?version=abc')).status).toBe(400);
  });

  it('answers /healthz and a JSON 404 for unknown paths', async () => {
    expect(await t.call('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.call('GET', '/api/nothing')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('lists the interface languages from the locale files', async () => {
    const res = await t.call('GET', '/locales/index.json');
    expect(res.body).toEqual(expect.arrayContaining([{ code: 'vi', name: 'Tiếng Việt' }, { code: 'en', name: 'English' }]));
    expect(res.body[0].code).toBe('vi');
    expect((await t.call('GET', '/locales/en.json')).body.welcome.full).toBe('Answer the full survey (SIPAS)');
    expect((await t.call('GET', '/locales/..%2Fpackage.json')).status).toBe(404);
  });
});
