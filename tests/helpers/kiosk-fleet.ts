// One enrolled kiosk per unit, made before a server process starts, so that tests and benchmarks
// can load that server with answers that carry their proof (the device credential), as tablets do.
import { boot } from '../../server/boot';
import type { DatabaseConfig } from '../../server/db/open-database';
import { enrolDevice, registerDevice } from '../../server/kiosk/kiosk-admin';
import { listUnits } from '../../server/repos/organisation';
import type { ResponseBody } from '../../server/responses/response-body';
import { TEST_SERVER_SECRET } from './server-process';

/** Unit code → the credential of that unit's kiosk. */
export type KioskFleet = Map<string, string>;

/** Registers and enrols one kiosk per unit (repeated-tap check off: the load is not people tapping). */
export async function enrolKioskFleet(config: DatabaseConfig): Promise<KioskFleet> {
  const booted = await boot(config);
  const fleet: KioskFleet = new Map();
  try {
    const db = booted.handle.db;
    const ctx = { secret: TEST_SERVER_SECRET, actor: 'test', now: new Date() };
    for (const unit of await listUnits(db)) {
      const { code } = await registerDevice(db, { name: `Kiosk ${unit.code}`, unit: unit.code, thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 0 }, ctx);
      const enrolled = await enrolDevice(db, code, TEST_SERVER_SECRET, ctx.now);
      fleet.set(unit.code, enrolled!.credential);
    }
  } finally {
    await booted.handle.close();
  }
  return fleet;
}

/** The request a unit's kiosk sends for a body: the device, not the body, names unit and channel. */
export function kioskRequest(fleet: KioskFleet, body: ResponseBody): { headers: Record<string, string>; body: string } {
  const { unit, official: _official, channel: _channel, ...rest } = body;
  const credential = fleet.get(unit ?? '');
  if (!credential) throw new Error(`no kiosk for unit ${unit}`);
  return { headers: { 'content-type': 'application/json', authorization: `Kiosk ${credential}` }, body: JSON.stringify({ ...rest, channel: 'kiosk' }) };
}
