import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invitationBody } from '../../server/invitations/invitation-body';
import { invitedResponseBody } from '../../server/invitations/invited-response';
import { ERROR_CODES } from '../../server/openapi/error-codes';
import { jsonSchema } from '../../server/openapi/openapi-document';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('the integration contract: /api/openapi.json and /api/docs', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp('sqlite');
  });
  afterEach(() => t.close());

  it('is an OpenAPI 3.1 document whose request schemas are the ones the routes validate with', async () => {
    const { status, body } = await t.call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.servers).toEqual([{ url: 'http://sipas.test' }]);
    const { $schema: _a, ...invitation } = z.toJSONSchema(invitationBody, { io: 'input' }) as Record<string, unknown>;
    expect(body.paths['/api/invitations'].post.requestBody.content['application/json'].schema).toEqual(invitation);
    const answer = body.paths['/api/invitation-tokens/{token}/responses'].post.requestBody.content['application/json'].schema;
    expect(answer).toEqual(jsonSchema(invitedResponseBody, 'input'));
    // Answers are typed (a rating, an option or text, a list of options, or null), not "any object".
    expect(answer.properties.answers.additionalProperties.anyOf.map((s: { type: string }) => s.type)).toEqual(['integer', 'string', 'array', 'null']);
    expect(body.paths['/api/invitations'].post.security).toEqual([{ apiKey: [] }, { staffSession: [], csrfToken: [] }]);
    expect(body.paths['/api/responses'].post.security).toEqual([{ kioskDevice: [] }, {}]);
    expect(body.components.securitySchemes.kioskDevice).toMatchObject({ type: 'http', scheme: 'Kiosk' });
    expect(Object.keys(body.paths['/api/invitations'].post.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '413']);
    const forbidden = body.paths['/api/invitations'].post.responses['403'].content['application/json'].schema;
    expect(forbidden.allOf[0]).toEqual({ $ref: '#/components/schemas/Error' });
    expect(forbidden.allOf[1].properties.error.properties.code.enum.sort()).toEqual(['csrf', 'forbidden', 'password_change_required', 'unit_not_allowed']);
    expect(body.paths['/api/invitations'].post.responses['201'].content['application/json'].schema.properties).toHaveProperty('qrSvg');
  });

  it('names only operations the app really serves, and every one is complete', async () => {
    const { body } = await t.call('GET', '/api/openapi.json');
    const schemes = Object.keys(body.components.securitySchemes);
    for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        for (const response of Object.values(op.responses as Record<string, { description: string }>)) expect(response.description).toBeTruthy();
        for (const s of op.security as Record<string, unknown>[]) for (const scheme of Object.keys(s)) expect(schemes).toContain(scheme);
        for (const p of op.parameters) expect(p.schema, `${path} ${p.name}`).toBeTruthy();
        const errorCodes = Object.entries(op.responses as Record<string, any>).filter(([status]) => status >= '400')
          .flatMap(([, r]) => r.content['application/json'].schema.allOf[1].properties.error.properties.code.enum as string[]);
        for (const code of errorCodes) expect(Object.keys(ERROR_CODES), `${method} ${path}`).toContain(code);
        // The route exists: the app answers with something other than its "nothing at" 404,
        // and what it answers to an empty request without credentials is in its description.
        const concrete = path.replace(/\{[^}]+\}/g, (m) => (m === '{token}' ? 'A'.repeat(22) : m === '{file}' ? 'xx.json' : '00000000-0000-4000-8000-000000000000'));
        const res = await t.call(method.toUpperCase(), concrete, method === 'get' ? undefined : {});
        expect(res.body?.error?.message ?? '', `${method} ${path}`).not.toMatch(/^Nothing at/);
        expect(Object.keys(op.responses), `${method} ${path}`).toContain(String(res.status));
        if (res.status >= 400) expect(op.responses[res.status].content['application/json'].schema.allOf[1].properties.error.properties.code.enum, `${method} ${path}`).toContain(res.body.error.code);
      }
    }
  });

  it('has a readable docs page, in Vietnamese by default and in English, with no inline script or style', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Giao diện lập trình (API) của SIPAS');
    expect(page).toContain('<link rel="stylesheet" href="/static/docs.css">');
    expect(page).not.toMatch(/<script|style=|<style/i);
    for (const path of ['/api/invitations', '/api/invitation-tokens/{token}/responses', '/api/invitation-codes', '/api/dossier-figures']) expect(page).toContain(path);
    expect(page).toContain('<code>dossierCode</code>');
    const en = await (await t.app.request('/api/docs?lang=en')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Create the QR invitation for a returned dossier');
    expect((await t.app.request('/static/docs.css')).headers.get('content-type')).toMatch(/text\/css/);
    expect((await t.call('GET', '/api/docs?lang=xx')).status).toBe(400);
  });
});
