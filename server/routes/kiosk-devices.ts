import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { canSeeUnit, type StaffScope } from '../auth/staff-scope';
import { requireStaff, staffOf } from '../auth/staff-auth';
import type { Database } from '../db/database';
import type { KioskDeviceRow } from '../db/tables/kiosk-devices';
import { HttpError } from '../http-error';
import { DEFAULT_DEVICE_SETTINGS, deviceSettingsShape } from '../kiosk/device-settings';
import { deviceView } from '../kiosk/device-view';
import { enrolmentLink } from '../kiosk/enrolment-link';
import { changeDeviceSettings, issueEnrolmentCode, KioskAdminError, registerDevice, revokeDevice } from '../kiosk/kiosk-admin';
import { countDeviceResponses, findDevice, listDevices } from '../repos/kiosk-devices';
import { listOfficials, listUnits } from '../repos/organisation';
import { vietnamDate } from '../scoring/vietnam-time';
import { checkAssignment, type SurveyAssignment } from '../surveys/survey-assignment';
import { surveyChoices } from '../surveys/survey-choices';
import { invalid, validate } from '../validate';

const name = z.string().trim().min(1).max(80);
const code = z.string().min(1).max(64);
/** The questionnaire a kiosk asks after the quick rating; null: its unit's. */
export const surveyIdField = z.string().min(1).max(64).nullable();
/** Group ids of that questionnaire asked; null or empty: every part. Sent only with surveyId. */
export const surveyPartsField = z.array(z.string().min(1).max(48)).max(20).nullable();
const partsNeedSurvey = (b: { surveyId?: string | null; surveyParts?: string[] | null }) => !(b.surveyParts?.length && !b.surveyId);
const partsNeedSurveyIssue = { message: 'surveyParts goes with the surveyId it belongs to', path: ['surveyId'], params: { code: 'missing_required' } };
export const registerBody = z
  .object({
    name,
    unit: code,
    official: code.nullable().optional(),
    thanksSeconds: deviceSettingsShape.thanksSeconds.default(DEFAULT_DEVICE_SETTINGS.thanksSeconds),
    idleSeconds: deviceSettingsShape.idleSeconds.default(DEFAULT_DEVICE_SETTINGS.idleSeconds),
    repeatSeconds: deviceSettingsShape.repeatSeconds.default(DEFAULT_DEVICE_SETTINGS.repeatSeconds),
    surveyId: surveyIdField.optional(),
    surveyParts: surveyPartsField.optional(),
  })
  .strict()
  .refine(partsNeedSurvey, partsNeedSurveyIssue);
export const deviceSettingsBody = z
  .object({ name: name.optional(), ...z.object(deviceSettingsShape).partial().shape, surveyId: surveyIdField.optional(), surveyParts: surveyPartsField.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one setting' })
  .refine(partsNeedSurvey, partsNeedSurveyIssue);
export const deviceIdParam = z.object({ id: z.uuid() });

const MANAGERS = ['admin', 'manager'] as const;

/** Staff manage the kiosk tablets of their units: register, list with figures, configure, revoke. */
export function kioskDeviceRoutes(deps: AppDeps) {
  const ctx = (actor: string) => ({ secret: deps.secret, actor, now: deps.clock() });
  const view = async (devices: KioskDeviceRow[]) => {
    const now = deps.clock();
    const [units, officials, counts] = await Promise.all([
      listUnits(deps.db),
      listOfficials(deps.db),
      countDeviceResponses(deps.db, devices.map((d) => d.id), vietnamDate(now)),
    ]);
    const lookup = { units: new Map(units.map((u) => [u.code, u])), officials: new Map(officials.map((o) => [o.code, o])) };
    return devices.map((d) => deviceView(d, lookup, counts.get(d.id), now));
  };
  const link = (codeText: string, device: KioskDeviceRow) => enrolmentLink(deps.publicUrl, codeText, device.enrol_expires_at!);

  return new Hono()
    .get('/', requireStaff(deps), async (c) => {
      const { scope } = staffOf(c);
      const devices = (await listDevices(deps.db)).filter((d) => canSeeUnit(scope, d.unit_code));
      return c.json({ devices: await view(devices) });
    })
    .get('/choices', requireStaff(deps, { roles: MANAGERS }), async (c) => {
      const { scope } = staffOf(c);
      const units = (await listUnits(deps.db)).filter((u) => u.active && canSeeUnit(scope, u.code));
      const officials = (await listOfficials(deps.db)).filter((o) => o.active && canSeeUnit(scope, o.unit_code));
      return c.json({
        units: units.map((u) => ({ code: u.code, nameVi: u.name_vi, nameEn: u.name_en, parent: u.parent_code })),
        officials: officials.map((o) => ({ code: o.code, name: o.full_name, unit: o.unit_code })),
        defaults: DEFAULT_DEVICE_SETTINGS,
        surveys: surveyChoices(deps.surveys),
      });
    })
    .post('/', requireStaff(deps, { roles: MANAGERS }), validate('json', registerBody), async (c) => {
      const { user, scope } = staffOf(c);
      const body = c.req.valid('json');
      if (!canSeeUnit(scope, body.unit)) throw new HttpError(403, 'unit_out_of_scope', `Unit ${body.unit} is not one of yours`);
      const survey = body.surveyId ? checkedSurvey(deps, body.surveyId, body.surveyParts) : null;
      const { device, code: enrolCode } = await adminCall(() => registerDevice(deps.db, { ...body, survey }, ctx(user.username)));
      const [shown] = await view([device]);
      return c.json({ device: shown!, enrolment: await link(enrolCode, device) }, 201);
    })
    .patch('/:id', requireStaff(deps, { roles: MANAGERS }), validate('param', deviceIdParam), validate('json', deviceSettingsBody), async (c) => {
      const { user, scope } = staffOf(c);
      const id = await deviceInScope(deps.db, scope, c.req.valid('param').id);
      const { surveyId, surveyParts, ...changes } = c.req.valid('json');
      const survey = surveyId === undefined ? undefined : surveyId === null ? null : checkedSurvey(deps, surveyId, surveyParts);
      const device = await adminCall(() => changeDeviceSettings(deps.db, id, { ...changes, survey }, ctx(user.username)));
      return c.json({ device: (await view([device]))[0]! });
    })
    .post('/:id/enrolment', requireStaff(deps, { roles: MANAGERS }), validate('param', deviceIdParam), async (c) => {
      const { user, scope } = staffOf(c);
      const id = await deviceInScope(deps.db, scope, c.req.valid('param').id);
      const { device, code: enrolCode } = await adminCall(() => issueEnrolmentCode(deps.db, id, ctx(user.username)));
      return c.json({ device: (await view([device]))[0]!, enrolment: await link(enrolCode, device) });
    })
    .post('/:id/revoke', requireStaff(deps, { roles: MANAGERS }), validate('param', deviceIdParam), async (c) => {
      const { user, scope } = staffOf(c);
      const id = await deviceInScope(deps.db, scope, c.req.valid('param').id);
      const device = await adminCall(() => revokeDevice(deps.db, id, ctx(user.username)));
      return c.json({ device: (await view([device]))[0]! });
    });
}

/** A setting from a body, checked against the questionnaires (400 naming the field otherwise). */
function checkedSurvey(deps: AppDeps, surveyId: string, parts: readonly string[] | null | undefined): SurveyAssignment {
  const checked = checkAssignment(deps.surveys, { surveyId, parts });
  if (!checked.ok) throw invalid(checked.issues);
  return checked.assignment;
}

/** A device outside the person's units answers exactly as one that does not exist. */
async function deviceInScope(db: Kysely<Database>, scope: StaffScope, id: string): Promise<string> {
  const device = await findDevice(db, id);
  if (!device || !canSeeUnit(scope, device.unit_code)) throw new HttpError(404, 'unknown_device', `No kiosk device ${id}`);
  return device.id;
}

async function adminCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof KioskAdminError)) throw error;
    if (error.code === 'unknown_device') throw new HttpError(404, error.code, error.message);
    if (error.code === 'device_revoked') throw new HttpError(409, error.code, error.message);
    throw invalid([{ path: error.field ?? '(body)', code: error.code, message: error.message }]);
  }
}
