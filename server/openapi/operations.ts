// Every documented route, one list per resource. A new route adds its entry to the list of its
// resource (or a new list here); tests/http/openapi-coverage.test.ts fails until it does.
import type { Operation } from './operation';
import { alertOperations } from './operations/alerts';
import { citizenOperations } from './operations/citizens';
import { deviceOperations } from './operations/devices';
import { feedbackOperations } from './operations/feedback';
import { invitationOperations } from './operations/invitations';
import { kioskOperations } from './operations/kiosk';
import { openLinkOperations } from './operations/open-links';
import { organisationOperations } from './operations/organisation';
import { resultOperations } from './operations/results';
import { unitChangeOperations } from './operations/unit-changes';
import { scoreOperations } from './operations/scores';
import { staffAccountOperations } from './operations/staff-account';
import { systemOperations } from './operations/system';
import { themeOperations } from './operations/themes';
import { retentionOperations } from './operations/retention';
import { questionnaireOperations } from './operations/questionnaires';

export type { Operation } from './operation';

export const operations: Operation[] = [
  ...invitationOperations,
  ...citizenOperations,
  ...kioskOperations,
  ...feedbackOperations,
  ...staffAccountOperations,
  ...scoreOperations,
  ...themeOperations,
  ...retentionOperations,
  ...questionnaireOperations,
  ...deviceOperations,
  ...organisationOperations,
  ...openLinkOperations,
  ...alertOperations,
  ...resultOperations,
  ...unitChangeOperations,
  ...systemOperations,
];
