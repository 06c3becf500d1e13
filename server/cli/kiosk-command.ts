import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { readEnv } from '../env';
import { DEFAULT_DEVICE_SETTINGS, deviceSettingsShape } from '../kiosk/device-settings';
import { enrolmentLink, ENROLMENT_HOURS } from '../kiosk/enrolment-link';
import { issueEnrolmentCode, KioskAdminError, registerDevice, revokeDevice } from '../kiosk/kiosk-admin';
import { defaultSecretFile } from '../paths';
import { listDevices } from '../repos/kiosk-devices';
import { loadSecret } from '../secret';
import { UsageError, withDatabase, type Command } from './command';

export const kioskCommand: Command = {
  name: 'kiosk',
  summary: 'register, list and revoke kiosk tablets',
  usage: `npm run sipas -- kiosk add --unit CODE [--official CODE] [--name "Máy quầy 1"]
                              [--thanks SECONDS] [--idle SECONDS] [--repeat SECONDS]
npm run sipas -- kiosk list [--json]
npm run sipas -- kiosk code <device-id>
npm run sipas -- kiosk revoke <device-id>

add     registers a tablet for a unit (and the official at that counter) and prints its one-time
        enrolment link, code and QR code: open the link (or scan the QR, or type the code on
        the kiosk page) on the tablet within ${ENROLMENT_HOURS} hours. Defaults: --thanks ${DEFAULT_DEVICE_SETTINGS.thanksSeconds},
        --idle ${DEFAULT_DEVICE_SETTINGS.idleSeconds}, --repeat ${DEFAULT_DEVICE_SETTINGS.repeatSeconds} (answers closer together are flagged; 0 = off).
code    a new one-time code for a tablet that was reset or replaced.
revoke  the tablet can no longer send answers; those it sent stay counted.
The links use PUBLIC_URL. Managers can do the same on the staff page, tab "Thiết bị kiosk".
Every change is written to the audit log.`,
  async run(argv) {
    const [action, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { unit: { type: 'string' }, official: { type: 'string' }, name: { type: 'string' }, thanks: { type: 'string' }, idle: { type: 'string' }, repeat: { type: 'string' }, json: { type: 'boolean' } },
    });
    const env = readEnv();
    const ctx = { secret: loadSecret(env.SIPAS_SECRET, defaultSecretFile), actor: 'cli', now: new Date() };
    const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    const show = async (name: string, code: string, expiresAt: string) => {
      const link = await enrolmentLink(publicUrl, code, expiresAt);
      console.log(`enrolment for "${name}" (once, until ${expiresAt}):\n  link: ${link.url}\n  code: ${code}`);
      console.log(await QRCode.toString(link.url, { type: 'terminal', small: true }));
    };
    return withDatabase(async ({ handle }) => {
      const db = handle.db;
      try {
        switch (action) {
          case 'add': {
            if (!values.unit) throw new UsageError('kiosk add needs --unit');
            const settings = {
              thanksSeconds: seconds('--thanks', values.thanks, deviceSettingsShape.thanksSeconds, DEFAULT_DEVICE_SETTINGS.thanksSeconds),
              idleSeconds: seconds('--idle', values.idle, deviceSettingsShape.idleSeconds, DEFAULT_DEVICE_SETTINGS.idleSeconds),
              repeatSeconds: seconds('--repeat', values.repeat, deviceSettingsShape.repeatSeconds, DEFAULT_DEVICE_SETTINGS.repeatSeconds),
            };
            const name = values.name?.trim() || `Kiosk ${values.unit}`;
            const { device, code } = await registerDevice(db, { name, unit: values.unit, official: values.official ?? null, ...settings }, ctx);
            console.log(`registered ${device.id}`);
            await show(device.name, code, device.enrol_expires_at!);
            return 0;
          }
          case 'list': {
            const devices = await listDevices(db);
            const status = (d: (typeof devices)[number]) => (d.revoked_at ? 'revoked' : d.credential_hash ? 'active' : 'pending');
            if (values.json) {
              console.log(JSON.stringify(devices.map((d) => ({ id: d.id, name: d.name, unit: d.unit_code, official: d.official_code || null, status: status(d), lastSeenAt: d.last_seen_at, queued: d.queued }))));
            } else {
              for (const d of devices) console.log(`${d.id}  ${d.unit_code.padEnd(8)} ${status(d).padEnd(8)} last seen ${d.last_seen_at ?? 'never'}  queued ${d.queued}  ${d.name}`);
            }
            return 0;
          }
          case 'code': {
            if (!positionals[0]) throw new UsageError('kiosk code needs a device id (see kiosk list)');
            const { device, code } = await issueEnrolmentCode(db, positionals[0], ctx);
            await show(device.name, code, device.enrol_expires_at!);
            return 0;
          }
          case 'revoke': {
            if (!positionals[0]) throw new UsageError('kiosk revoke needs a device id (see kiosk list)');
            const device = await revokeDevice(db, positionals[0], ctx);
            console.log(`revoked ${device.id} (${device.name})`);
            return 0;
          }
          default:
            throw new UsageError(`unknown action "${action ?? ''}"`);
        }
      } catch (error) {
        if (!(error instanceof KioskAdminError)) throw error;
        console.error(error.message);
        return 1;
      }
    }, { seed: false });
  },
};

function seconds(flag: string, typed: string | undefined, schema: { safeParse(v: unknown): { success: boolean } }, fallback: number): number {
  if (typed === undefined) return fallback;
  const value = Number(typed);
  if (!schema.safeParse(value).success) throw new UsageError(`${flag}: ${typed} is not an allowed number of seconds`);
  return value;
}
