import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, invitationRequest } from '../helpers/invitations';
import { signIn } from '../helpers/staff-session';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dialects } from '../helpers/test-database';

describe.each(dialects)('the slip print pages on %s', (dialect) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeEach(async () => {
    t = await createTestApp(dialect, { now: new Date('2026-03-10T03:00:00Z') });
    headers = (await apiKeyHeaders(t, ['MC-Q1'])).headers;
  });
  afterEach(() => t.close());
  const html = async (path: string, h = headers) => {
    const res = await t.app.request(path, { headers: h });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  };

  it('renders one slip with QR code, short address, code and the Vietnamese instruction, no inline script or style', async () => {
    const inv = (await t.call('POST', '/api/invitations', invitationRequest(), headers)).body;
    const page = await html(`/slips/${inv.id}`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.text).toContain('<body class="layout-thermal">');
    expect(page.text).toMatch(/<svg width="[\d.]+mm" height="[\d.]+mm"/);
    expect(page.text).toContain(inv.shortCode);
    expect(page.text).toContain('Hoặc mở sipas.test/s và nhập mã:');
    expect(page.text).toContain('Quét mã QR bằng điện thoại để đánh giá, không cần ghi tên.');
    expect(page.text).toContain('<link rel="stylesheet" href="/static/slip.css">');
    expect(page.text).not.toMatch(/<script(?![^>]*src=)|style=|<style/i);
    expect((await html(`/slips/${inv.id}?layout=a5`)).text).toContain('<body class="layout-a5">');
    expect((await html(`/slips/${inv.id}?layout=letter`)).status).toBe(400);
  });

  it('renders a batch in the order asked, and only invitations of the caller\'s units', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await t.call('POST', '/api/invitations', invitationRequest(), headers)).body);
    const asked = [made[2], made[0], made[1]];
    const ids = asked.map((i) => i.id);
    const page = await html(`/slips?ids=${ids.join(',')}`);
    expect(page.text).toContain('<body class="layout-a4">');
    expect([...page.text.matchAll(/<p class="slip__code">([\d ]+)<\/p>/g)].map((m) => m[1])).toEqual(asked.map((i) => i.shortCode));
    const other = await apiKeyHeaders(t, ['MC-Q2']);
    const outside = await t.call('GET', `/slips?ids=${ids.join(',')}`, undefined, other.headers);
    expect(outside).toMatchObject({ status: 404, body: { error: { code: 'unknown_invitation' } } });
    expect((await t.call('GET', '/slips?ids=not-an-id')).status).toBe(401);
    expect((await t.call('GET', '/slips?ids=not-an-id', undefined, headers)).status).toBe(400);
  });

  it('opens for signed-in staff through the session cookie, as the staff page does', async () => {
    const inv = (await t.call('POST', '/api/invitations', invitationRequest(), headers)).body;
    const manager = await signIn(t, 'quanly', 'manager', 'MC');
    expect((await html(`/slips/${inv.id}`, { cookie: manager.headers.cookie! })).status).toBe(200);
    const elsewhere = await signIn(t, 'khac', 'manager', 'QLDT');
    expect((await html(`/slips/${inv.id}`, { cookie: elsewhere.headers.cookie! })).status).toBe(404);
  });
});
