import type { AnswerCountsTable } from './tables/answer-counts';
import type { AnswerCountsMonthlyTable } from './tables/answer-counts-monthly';
import type { ApiKeysTable } from './tables/api-keys';
import type { AuditLogTable } from './tables/audit-log';
import type { DossierCountsTable } from './tables/dossier-counts';
import type { InvitationUsesTable } from './tables/invitation-uses';
import type { InvitationsTable } from './tables/invitations';
import type { FeedbackEventsTable } from './tables/feedback-events';
import type { FeedbackItemsTable } from './tables/feedback-items';
import type { FeedbackSettingsTable } from './tables/feedback-settings';
import type { KioskDevicesTable } from './tables/kiosk-devices';
import type { OfficialsTable } from './tables/officials';
import type { OpenLinksTable } from './tables/open-links';
import type { ProceduresTable } from './tables/procedures';
import type { RateLimitsTable } from './tables/rate-limits';
import type { ResponsesTable } from './tables/responses';
import type { ScoreTargetsTable } from './tables/score-targets';
import type { SessionsTable } from './tables/sessions';
import type { SurveyVersionsTable } from './tables/survey-versions';
import type { UnitsTable } from './tables/units';
import type { UsersTable } from './tables/users';

/** Every table Kysely may touch, by name. */
export interface Database {
  units: UnitsTable;
  procedures: ProceduresTable;
  officials: OfficialsTable;
  survey_versions: SurveyVersionsTable;
  responses: ResponsesTable;
  answer_counts: AnswerCountsTable;
  answer_counts_monthly: AnswerCountsMonthlyTable;
  score_targets: ScoreTargetsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  api_keys: ApiKeysTable;
  invitations: InvitationsTable;
  invitation_uses: InvitationUsesTable;
  dossier_counts: DossierCountsTable;
  feedback_items: FeedbackItemsTable;
  feedback_events: FeedbackEventsTable;
  feedback_settings: FeedbackSettingsTable;
  kiosk_devices: KioskDevicesTable;
  open_links: OpenLinksTable;
}
