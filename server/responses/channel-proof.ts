// Who may send an answer on each channel, and what proves it. The channel a body claims is only
// accepted with its own proof:
//   kiosk  the credential of an enrolled, unrevoked device (Authorization: Kiosk …)
//   qr     never here: only through the invitation's token (/api/invitation-tokens/:token/responses)
//   paper  a signed-in manager or admin of the unit, with the CSRF token; each form is audited
//   web    the unit's open link, if an admin turned it on; limited, and counted apart
import type { Context } from 'hono';
import type { AppDeps } from '../app-deps';
import { authenticateStaff } from '../auth/staff-auth';
import { canSeeUnit } from '../auth/staff-scope';
import { clientAddressKey } from '../client-address';
import { HttpError } from '../http-error';
import { bodyForDevice, deviceAssignment } from '../kiosk/device-config';
import { repeatTapGuard } from '../kiosk/repeat-tap-guard';
import { openLinkGuard } from '../open-link/open-link-limits';
import { recordAudit } from '../repos/audit-log';
import type { DeviceWithUnitSurvey } from '../repos/kiosk-devices';
import { isOpenLinkOn } from '../repos/open-links';
import type { PendingResponse } from '../repos/responses';
import { unitSurveyAssignment } from '../repos/survey-assignment';
import { effectiveAssignment, type SurveyAssignment } from '../surveys/survey-assignment';
import { invalid } from '../validate';
import { PROOFS, type Proof } from './proof';
import type { ResponseBody } from './response-body';

export interface ProvenBody {
  body: ResponseBody;
  proof: Proof;
  deviceId?: string;
  /** The questionnaire and parts the kiosk asks (set for kiosk answers). */
  asked?: SurveyAssignment;
  /** Hooks the storing transaction runs (see PendingResponse). */
  hooks: Pick<PendingResponse, 'guard' | 'batchGuard' | 'afterInsert'>;
}

/** The body as it may be stored and what proved it; throws 401, 403 or 400 when the proof is missing. */
export async function proveChannel(deps: AppDeps, c: Context, body: ResponseBody, device: DeviceWithUnitSurvey | undefined, now: Date): Promise<ProvenBody> {
  if (device) {
    return { body: bodyForDevice(device, body), proof: PROOFS.device, deviceId: device.id, asked: deviceAssignment(device), hooks: { batchGuard: repeatTapGuard } };
  }
  switch (body.channel) {
    case 'kiosk':
      throw new HttpError(401, 'device_credential_required', 'Kiosk answers need the enrolled device\'s credential (Authorization: Kiosk …)');
    case 'qr':
      throw new HttpError(403, 'invitation_required', 'Answers by QR code go through the invitation: POST /api/invitation-tokens/{token}/responses');
    case 'paper':
      return provePaper(deps, c, body, now);
    case 'web':
      return proveOpenLink(deps, c, body, now);
  }
}

async function provePaper(deps: AppDeps, c: Context, body: ResponseBody, now: Date): Promise<ProvenBody> {
  const staff = await authenticateStaff(deps, c, { roles: ['admin', 'manager'] });
  if (!body.unit) throw invalid([{ path: 'unit', code: 'unit_required', message: 'A paper form must name the unit it was collected for' }]);
  if (!canSeeUnit(staff.scope, body.unit)) throw new HttpError(403, 'forbidden_unit', `You may not enter forms for unit "${body.unit}"`);
  const typist = staff.user.username;
  return {
    body,
    proof: PROOFS.staff,
    hooks: {
      // Who typed each form is written with it, in the same transaction.
      afterInsert: (trx, stored) => recordAudit(trx, { actor: typist, action: 'response.paper', target: stored.id, details: { survey: stored.surveyId, unit: stored.unitCode } }, now),
    },
  };
}

async function proveOpenLink(deps: AppDeps, c: Context, body: ResponseBody, now: Date): Promise<ProvenBody> {
  const issues = [];
  if (!body.unit) issues.push({ path: 'unit', code: 'unit_required', message: 'An open-link answer names the unit of the link' });
  if (!body.browser) issues.push({ path: 'browser', code: 'browser_required', message: 'An open-link answer carries the page\'s anonymous browser id' });
  if (issues.length) throw invalid(issues);
  if (!(await isOpenLinkOn(deps.db, body.unit!))) throw new HttpError(403, 'open_link_off', `The open link of unit "${body.unit}" is not turned on`);
  // The open link is about the unit, not a person: it names no official.
  if (body.official) throw invalid([{ path: 'official', code: 'not_allowed', message: 'An open-link answer names no official' }]);
  // The link asks what its unit's setting names; this path is limited and rare, so one more read.
  const asked = effectiveAssignment(null, await unitSurveyAssignment(deps.db, body.unit!));
  return { body, proof: PROOFS.open, asked, hooks: { guard: openLinkGuard(deps.secret, body.browser!, clientAddressKey(c, deps), now) } };
}
