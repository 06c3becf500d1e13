import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps';
import { bodySizeLimit } from '../body-size-limit';
import { HttpError } from '../http-error';
import { checkAnswers } from '../../survey-defs/check-answers';
import type { ErrorIssue } from '../http-error';
import { deviceFrom, deviceOf, type DeviceEnv } from '../kiosk/device-auth';
import { deviceAssignment } from '../kiosk/device-config';
import { findDeviceByCredential, type DeviceWithUnitSurvey } from '../repos/kiosk-devices';
import { partsFor } from '../surveys/survey-assignment';
import { OPEN_LINK_LIMITED } from '../open-link/open-link-limits';
import { answerOutcome } from '../responses/answer-outcome';
import { proveChannel } from '../responses/channel-proof';
import { lookupCache, STALE_LOOKUPS, type Lookups } from '../responses/lookups';
import { inTurnOnPostgres } from '../responses/loop-turns';
import { prepareResponse, responseRefusal } from '../responses/prepare-response';
import { responseBody } from '../responses/response-body';
import { wellFormedBody } from '../responses/well-formed-body';
import { validate } from '../validate';

/** The largest SIPAS response with every comment box full is about 20 KB. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

/** Checks against a fresh snapshot after a stale one; the last try reads the database itself. */
const SNAPSHOT_TRIES = 3;

type Env = DeviceEnv & { Variables: { lookups: Lookups } };

export function responseRoutes(deps: AppDeps) {
  // Found on first use, not here: building the app (e.g. to list its routes) needs no database.
  const lookups = { current: () => lookupCache(deps.db).current(), outdated: (generation: number) => lookupCache(deps.db).outdated(generation) };
  // A device enrolled after the snapshot was read is looked up in the database; its answer then
  // carries the old generation, and the batch sends it back to be checked against a fresh one.
  const findDevice = (snapshot: Lookups) => (hash: string) => snapshot.deviceByCredentialHash(hash) ?? findDeviceByCredential(deps.db, hash);
  return new Hono<Env>().post(
    '/',
    bodySizeLimit(RESPONSE_BODY_LIMIT, () => { throw tooLarge(); }),
    inTurnOnPostgres(deps.db),
    // A credential is checked before anything else: a wrong one is a 401 whatever the body says.
    // The device and the codes come from the snapshot in memory (responses/lookups.ts).
    async (c, next) => {
      const snapshot = await lookups.current();
      c.set('lookups', snapshot);
      c.set('device', await deviceFrom(findDevice(snapshot), c.req.header('authorization')));
      return next();
    },
    validate('json', responseBody, (raw, c) => answerIssues(deps, raw, (c as Context<DeviceEnv>).get('device')), wellFormedBody),
    async (c) => {
      const now = deps.clock();
      const body = c.req.valid('json');
      let snapshot: Lookups | undefined = c.get('lookups');
      let device = c.get('device');
      for (let tries = 1; ; tries++) {
        const proven = await proveChannel(deps, c, body, device, now);
        const context = { db: deps.db, surveys: deps.surveys, now, deviceId: proven.deviceId, proof: proven.proof, asked: proven.asked, lookups: snapshot };
        let prepared = await prepareResponse(context, proven.body);
        // A snapshot may not know a unit or official added a moment ago: a refusal is only
        // given on what the database says (refusals are rare; accepted answers pay nothing).
        // Accepted there, the answer keeps the snapshot's generation: the device it came with
        // is still checked by the batch.
        if (!prepared.ok && snapshot) {
          prepared = await prepareResponse({ ...context, lookups: undefined }, proven.body);
          if (prepared.ok) prepared.response.lookupGeneration = snapshot.generation;
        }
        if (!prepared.ok) throw responseRefusal(prepared.issues);
        // The prepared row is this request's own: its hooks are added to it, not to a copy.
        const response = Object.assign(prepared.response, proven.hooks);
        const outcome = await deps.writer.write(response);
        if (snapshot && outcome.status === 'refused' && outcome.refusal.code === STALE_LOOKUPS) {
          // The organisation or a device changed (maybe on another app server): check again.
          await lookups.outdated(snapshot.generation);
          // The questionnaires too: a version retired on another server refuses later answers.
          await deps.surveys.refresh();
          snapshot = tries < SNAPSHOT_TRIES ? await lookups.current() : undefined;
          const authorization = c.req.header('authorization');
          device = snapshot ? await deviceFrom(findDevice(snapshot), authorization) : await deviceOf(deps.db, authorization);
          continue;
        }
        return answerOutcome(c, response, outcome, (code) => (code === OPEN_LINK_LIMITED ? 429 : code === 'device_revoked' ? 403 : 409));
      }
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
