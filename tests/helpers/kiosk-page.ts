// Opens the kiosk page in Chromium on a tablet enrolled through its one-time link.
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { addUser, changeOwnPassword } from '../../server/auth/user-admin';
import type { Role } from '../../server/db/tables/users';
import { findUserByUsername } from '../../server/repos/users';
import { registerTestDevice } from './kiosk-device';
import type { TestServer } from './test-server';

export const WELCOME_VI = 'Ông/Bà hài lòng với việc giải quyết hồ sơ hôm nay?';

/** Registers a device as a manager would, opens its enrolment link and waits for the welcome screen. */
export async function openEnrolledKiosk(page: Page, server: TestServer, body: Record<string, unknown> = { unit: 'MC-Q1' }): Promise<{ id: string }> {
  const { id, code } = await registerTestDevice(server, body);
  await page.goto(`${server.url}/kiosk#enrol=${code}`);
  await page.getByRole('heading', { level: 1, name: WELCOME_VI }).waitFor();
  return { id };
}

/** Resolves once the service worker controls the page and has cached everything for offline use. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/** Creates a staff account with its own password and signs it in on the staff page. */
export async function signInOnStaffPage(page: Page, server: TestServer, username: string, role: Role, unit?: string): Promise<void> {
  const db = server.database.handle.db;
  await addUser(db, { username, role, unit }, 'test', server.clock.now);
  const password = `${username}-password-1`;
  await changeOwnPassword(db, (await findUserByUsername(db, username))!, password, server.clock.now);
  await page.goto(`${server.url}/staff#devices`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thiết bị kiosk' }).waitFor();
}

/** Reads the QR code shown by an <img> on the page (drawn on a canvas in the page, decoded here). */
export async function readQrCode(page: Page, selector: string): Promise<string> {
  const { width, height, pixels } = await page.locator(selector).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 400);
    ctx.drawImage(img, 0, 0, 400, 400);
    return { width: 400, height: 400, pixels: Array.from(ctx.getImageData(0, 0, 400, 400).data) };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels), width, height);
  if (!code) throw new Error('no QR code found in the image');
  return code.data;
}
