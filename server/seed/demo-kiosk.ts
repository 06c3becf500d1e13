import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { DEFAULT_DEVICE_SETTINGS } from '../kiosk/device-settings';
import { enrolmentLink } from '../kiosk/enrolment-link';
import { registerDevice } from '../kiosk/kiosk-admin';

/**
 * On first start, a kiosk for the demo one-stop counter, so a newcomer can open the printed link
 * and answer at once; a real office registers its tablets in the staff page instead.
 */
export async function registerDemoKiosk(db: Kysely<Database>, ctx: { secret: Buffer; publicUrl: string; now: Date }): Promise<string> {
  const { device, code } = await registerDevice(
    db,
    { name: 'Kiosk demo – Bộ phận Một cửa', unit: 'MC', official: null, ...DEFAULT_DEVICE_SETTINGS },
    { secret: ctx.secret, actor: 'system', now: ctx.now },
  );
  return (await enrolmentLink(ctx.publicUrl, code, device.enrol_expires_at!)).url;
}
