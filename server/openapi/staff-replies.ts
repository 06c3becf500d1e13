// The shapes of the staff account, kiosk device and invitation-form answers, for the OpenAPI document.
import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });

export const staffUser = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(['admin', 'manager', 'viewer']),
  unit: z.string().nullable().describe('The unit whose subtree the person sees; null for admins'),
  mustChangePassword: z.boolean(), disabled: z.boolean(),
});
export const signedIn = z.object({
  user: staffUser,
  csrfToken: z.string().describe('Send it as X-CSRF-Token with every change'),
  organisationEmpty: z.boolean().describe('No unit exists yet (a server started with SIPAS_DEMO=0): an admin sets up the office (POST /api/staff/organisation/import)'),
});
export const me = signedIn.extend({ units: z.array(z.string()).nullable().describe('Every unit the person sees; null: all') });
export const signedOut = z.object({ status: z.literal('signed_out') });
export const passwordChanged = z.object({ status: z.literal('changed') });
export const auditEntries = z.array(z.object({ id: z.string(), at: z.string(), actor: z.string(), action: z.string(), target: z.string(), details: z.unknown() }));

const settings = z.object({ thanksSeconds: z.number().int(), idleSeconds: z.number().int(), repeatSeconds: z.number().int() });
const parts = z.array(z.string()).nullable().describe('Group ids (parts) of the questionnaire asked; null: every part');
/** A questionnaire setting of a unit or device (server/surveys/survey-assignment.ts). */
export const surveySetting = z.object({ surveyId: z.string(), parts });
/** What a unit or device asks, and where that comes from. */
export const surveyAsked = surveySetting.extend({
  source: z.enum(['device', 'unit', 'default']).describe('device: its own setting; unit: a unit\'s (from); default: sipas-2017, every part'),
  from: z.string().nullable().describe('The unit whose setting applies, nearest up the tree'),
});
export const surveyChoice = z.object({ id: z.string(), title: z.record(z.string(), z.string()), parts: z.array(z.object({ id: z.string(), title: z.record(z.string(), z.string()) })) });
export const deviceConfig = z.object({
  deviceId: z.uuid(), name: z.string(),
  unit: z.object({ code: z.string(), name: localized }),
  official: z.object({ code: z.string(), name: z.string() }).nullable(),
  settings,
  survey: z.object({ id: z.string(), parts }).describe('The full questionnaire asked after the quick rating, and its parts'),
  versions: z.object({ quick: z.number().int().nullable(), full: z.number().int().nullable() }).describe('The versions of the quick rating and of the full questionnaire offered now (null: none offered); the tablet loads a new one at its next person'),
});
export const enrolled = z.object({ credential: z.string().describe('Keep it; send it as Authorization: Kiosk <credential>'), device: deviceConfig });
export const heartbeatReply = z.object({ device: deviceConfig });

const device = z.object({
  id: z.uuid(), name: z.string(),
  unit: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  official: z.object({ code: z.string(), name: z.string() }).nullable(),
  status: z.enum(['pending', 'active', 'revoked']),
  enrolmentCodeExpiresAt: z.string().nullable(), createdAt: z.string(), createdBy: z.string(), enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(), lastSeenAt: z.string().nullable(), queued: z.number().int(), settings,
  survey: surveySetting.nullable().describe('Its own questionnaire setting; null: its unit\'s'),
  asks: surveyAsked,
  counts: z.object({ today: z.number().int(), flaggedToday: z.number().int(), total: z.number().int(), flaggedTotal: z.number().int() }),
});
const enrolment = z.object({ code: z.string().describe('Shown once'), url: z.url(), qr: z.string().describe('SVG data URL of url'), expiresAt: z.string() });
export const deviceList = z.object({ devices: z.array(device) });
export const oneDevice = z.object({ device });
export const deviceWithEnrolment = z.object({ device, enrolment });
export const deviceChoices = z.object({
  units: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), parent: z.string().nullable() })),
  officials: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() })),
  defaults: settings,
  surveys: z.array(surveyChoice).describe('Published full questionnaires with their parts'),
});

export const invitationFormOptions = z.object({
  units: z.array(z.object({ code: z.string(), name: localized })),
  procedures: z.array(z.object({ code: z.string(), unit: z.string(), name: localized })),
  officials: z.array(z.object({ code: z.string(), unit: z.string(), name: z.string() })),
  surveys: z.array(surveyChoice),
  unitSurveys: z.record(z.string(), surveySetting).describe('Each offered unit\'s setting (its own or inherited): what an invitation asks when the form leaves it out'),
});

export const surveyList = z.array(z.object({ id: z.string(), version: z.number().int(), title: z.record(z.string(), z.string()), method: z.string() }));
export const languageList = z.array(z.object({ code: z.string(), name: z.string() }));
