// A fixed map rather than a folder scan, so the migrations survive bundling. Names sort in the
// order they run.
import type { Migration } from 'kysely';
import * as organisation from './2026-11-25-01-organisation';
import * as responses from './2026-11-25-02-responses';
import * as staff from './2026-11-25-03-staff';
import * as scores from './2026-11-25-10-scores';
import * as invitations from './2026-11-25-20-invitations';
import * as kioskDevices from './2026-11-25-30-kiosk-devices';
import * as feedback from './2026-11-25-40-feedback';
import * as channelProof from './2026-12-01-10-channel-proof';
import * as feedbackRatings from './2026-12-01-21-feedback-ratings';
import * as resultPublications from './2026-12-01-22-result-publications';
import * as alerts from './2026-12-01-23-alerts';
import * as organisationRetire from './2026-12-01-30-organisation-retire';
import * as unitChanges from './2026-12-01-31-unit-changes';
import * as themes from './2026-12-01-40-themes';
import * as retention from './2026-12-01-41-retention';
import * as surveyCatalog from './2026-12-01-50-survey-catalog';
import * as surveyAssignment from './2026-12-01-51-survey-assignment';
import * as lookupGeneration from './2026-12-01-52-lookup-generation';
import * as answerRollups from './2026-12-02-01-answer-rollups';
import * as answerTallies from './2026-12-02-02-answer-tallies';
import * as tallyQueue from './2026-12-03-01-tally-queue';
import * as tallyQueueInOrder from './2026-12-03-02-tally-queue-in-order';
import * as responsesUnreadIndexes from './2026-12-03-03-responses-unread-indexes';
import * as orgProcedureCut from './2026-12-04-01-org-procedure-cut';
import * as tallyCountsLz4 from './2026-12-06-01-tally-counts-lz4';
import * as dossierCountsMonthly from './2026-12-06-02-dossier-counts-monthly';

export const migrations: Record<string, Migration> = {
  '2026-11-25-01-organisation': organisation,
  '2026-11-25-02-responses': responses,
  '2026-11-25-03-staff': staff,
  '2026-11-25-10-scores': scores,
  '2026-11-25-20-invitations': invitations,
  '2026-11-25-30-kiosk-devices': kioskDevices,
  '2026-11-25-40-feedback': feedback,
  '2026-12-01-10-channel-proof': channelProof,
  '2026-12-01-21-feedback-ratings': feedbackRatings,
  '2026-12-01-22-result-publications': resultPublications,
  '2026-12-01-23-alerts': alerts,
  '2026-12-01-30-organisation-retire': organisationRetire,
  '2026-12-01-31-unit-changes': unitChanges,
  '2026-12-01-40-themes': themes,
  '2026-12-01-41-retention': retention,
  '2026-12-01-50-survey-catalog': surveyCatalog,
  '2026-12-01-51-survey-assignment': surveyAssignment,
  '2026-12-01-52-lookup-generation': lookupGeneration,
  '2026-12-02-01-answer-rollups': answerRollups,
  '2026-12-02-02-answer-tallies': answerTallies,
  '2026-12-03-01-tally-queue': tallyQueue,
  '2026-12-03-02-tally-queue-in-order': tallyQueueInOrder,
  '2026-12-03-03-responses-unread-indexes': responsesUnreadIndexes,
  '2026-12-04-01-org-procedure-cut': orgProcedureCut,
  '2026-12-06-01-tally-counts-lz4': tallyCountsLz4,
  '2026-12-06-02-dossier-counts-monthly': dossierCountsMonthly,
};
