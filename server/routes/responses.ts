import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../app-deps';
import { HttpError } from '../http-error';
import { checkAnswers } from '../../survey-defs/check-answers';
import type { ErrorIssue } from '../http-error';
import { identifyDevice, type DeviceEnv } from '../kiosk/device-auth';
import { deviceAssignment } from '../kiosk/device-config';
import type { DeviceWithUnitSurvey } from '../repos/kiosk-devices';
import { partsFor } from '../surveys/survey-assignment';
import { OPEN_LINK_LIMITED } from '../open-link/open-link-limits';
import { answerOutcome } from '../responses/answer-outcome';
import { proveChannel } from '../responses/channel-proof';
import { prepareResponse } from '../responses/prepare-response';
import { responseBody } from '../responses/response-body';
import { invalid, validate } from '../validate';

/** The largest SIPAS response with every comment box full is about 20 KB. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export function responseRoutes(deps: AppDeps) {
  return new Hono().post(
    '/',
    bodyLimit({ maxSize: RESPONSE_BODY_LIMIT, onError: () => { throw tooLarge(); } }),
    // A credential is checked before anything else: a wrong one is a 401 whatever the body says.
    identifyDevice(deps),
    validate('json', responseBody, (raw, c) => answerIssues(deps, raw, (c as Context<DeviceEnv>).get('device'))),
    async (c) => {
      const now = deps.clock();
      const proven = await proveChannel(deps, c, c.req.valid('json'), c.get('device'), now);
      const prepared = await prepareResponse({ db: deps.db, surveys: deps.surveys, now, deviceId: proven.deviceId, proof: proven.proof, asked: proven.asked }, proven.body);
      if (!prepared.ok) throw invalid(prepared.issues);
      const response = { ...prepared.response, ...proven.hooks };
      return answerOutcome(c, response, await deps.writer.write(response), (code) => (code === OPEN_LINK_LIMITED ? 429 : code === 'device_revoked' ? 403 : 409));
    },
  );
}

export function tooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body is larger than ${RESPONSE_BODY_LIMIT / 1024} KB`);
}

/** When the envelope is wrong, still check the answers, so the person fixing it sees everything. */
function answerIssues(deps: AppDeps, raw: unknown, device: DeviceWithUnitSurvey | undefined): ErrorIssue[] {
  if (!raw || typeof raw !== 'object') return [];
  const { surveyId, surveyVersion, answers } = raw as Record<string, unknown>;
  if (typeof surveyId !== 'string' || !answers || typeof answers !== 'object' || Array.isArray(answers)) return [];
  const def = deps.surveys.get(surveyId, typeof surveyVersion === 'number' ? surveyVersion : undefined);
  if (!def) return [];
  const checked = checkAnswers(def, answers as Record<string, unknown>, { parts: device ? partsFor(deviceAssignment(device), def.id) : null });
  return checked.ok ? [] : checked.issues;
}
