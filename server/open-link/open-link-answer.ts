// What GET /api/open-links/<unit> answers, read once for the route and for the page that embeds
// it (server/pages/boot-data.ts): the unit and the questionnaires its open link asks.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { isOpenLinkOn } from '../repos/open-links';
import { findUnit } from '../repos/organisation';
import { unitSurveyAssignment } from '../repos/survey-assignment';
import { effectiveAssignment } from '../surveys/survey-assignment';
import { openLinkView } from './open-link-view';

/** The open link's view of a unit; 404 `open_link_off` when there is no such unit or its link is off. */
export async function openLinkAnswer(db: Kysely<Database>, unit: string): Promise<ReturnType<typeof openLinkView>> {
  const row = await findUnit(db, unit);
  if (!row || !(await isOpenLinkOn(db, unit))) throw new HttpError(404, 'open_link_off', 'This survey link is not open');
  return openLinkView(row, effectiveAssignment(null, await unitSurveyAssignment(db, unit)));
}
