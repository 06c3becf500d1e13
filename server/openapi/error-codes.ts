// Every error code the server sends, with what it means to an integrator. Codes are stable; the
// message beside them is for people and may change. tests/unit/error-codes.test.ts scans the
// server for codes and fails when one is missing here, and the pages need a string for each code
// the routes they call can send (tests/unit/page-error-strings.test.ts).

export const ERROR_CODES = {
  // Any route
  invalid_request: 'A field is missing or wrong; `issues` names every one (path, code, message)',
  invalid_json: 'The body is not JSON',
  bad_request: 'The request is malformed (for example a wrong Content-Type)',
  payload_too_large: 'The body is larger than the route accepts',
  not_found: 'Nothing there',
  internal: 'A bug on the server; the request was not applied',
  shutting_down: 'The server is stopping; send again (the same id is stored once)',
  pages_not_built: 'The pages are not built yet (npm run build)',
  // Who is calling
  not_signed_in: 'No staff session, or it expired: sign in',
  bad_credentials: 'Wrong username or password (or, when changing it, the current password)',
  too_many_attempts: 'Too many wrong tries from here; wait (see Retry-After)',
  csrf: 'A change without the session\'s X-CSRF-Token header',
  password_change_required: 'The one-time password must be replaced first (POST /api/staff/password)',
  forbidden: 'The role does not allow this',
  invalid_api_key: 'Unknown or revoked API key',
  unknown_device: 'The kiosk credential is unknown (enrol the tablet again), or no such device',
  device_revoked: 'A manager revoked this kiosk device',
  device_scope: 'A kiosk may answer only for its own unit, official and the kiosk channel',
  device_credential_required: 'A kiosk answer needs the enrolled device\'s credential (Authorization: Kiosk …)',
  unsupported_credential: 'An Authorization header of a scheme this route does not take',
  invitation_required: 'QR answers go through the invitation: POST /api/invitation-tokens/{token}/responses',
  open_link_off: 'The unit\'s open link is not turned on (an admin does that)',
  too_many_responses: 'Too many open-link answers from this browser or address; wait (see Retry-After)',
  detail_admin_only: 'Only an admin may export each response\'s official and exact time (detail=1)',
  official_filter_admin_only: 'One official\'s responses are exported only for an admin who asks for the detail',
  // Whose data
  unit_not_allowed: 'The unit is outside the caller\'s units',
  unit_out_of_scope: 'The unit is outside the caller\'s units',
  forbidden_unit: 'The figures of that unit are outside the caller\'s units',
  unknown_unit: 'No unit with that code',
  unknown_survey: 'No published questionnaire with that id (and version)',
  unknown_language: 'No locale file for that language',
  invalid_range: '`from` is after `to`',
  // Responses and invitations
  conflict: 'The id already holds different content',
  unknown_invitation: 'No such invitation (or not in the caller\'s units)',
  invitation_expired: 'The invitation is past its last day',
  invitation_used: 'This questionnaire was already answered for this dossier',
  dossier_in_other_unit: 'The dossier already has an invitation from a unit the caller cannot see',
  unknown_code: 'No invitation or feedback item has this code',
  invalid_code: 'The kiosk enrolment code is wrong, used or expired',
  // Feedback
  too_many_items: 'Too many feedback items from here; wait (see Retry-After)',
  too_many_lookups: 'Too many unknown tracking codes from here; wait (see Retry-After)',
  unknown_item: 'No such feedback item in the caller\'s units',
  no_contact: 'The sender left no contact',
  contact_unreadable: 'The contact was sealed with another server secret',
  changed: 'The item changed meanwhile; reload it',
  closed: 'The item is closed',
  invalid_move: 'The item cannot move to that status from its current one',
  reply_required: 'Save a reply first (an answered item keeps one)',
  not_answered: 'Only an answered item with a reply can be published (or rated by its sender)',
  // Alerts and published results
  unknown_rule: 'No such alert rule in the caller\'s units',
  webhook_admin_only: 'Only an admin may set or change a rule\'s webhook address',
  counter_not_publishable: 'A single counter is one official\'s desk; publish the unit above it',
  // The organisation over time
  unit_retired: 'The unit is retired: it takes no new answers, and nothing can be merged into it',
  merge_into_own_unit: 'A unit cannot be merged into itself or a unit below it',
  effective_date_in_future: 'A move or merge takes effect today or on a past date, never ahead',
  change_out_of_order: 'The unit already changed on a later date; record changes in date order',
  // Themes
  unknown_text: 'No such suggestion or feedback text in the caller\'s units',
  unknown_theme: 'No theme with that id in the lexicon',
  // The organisation
  organisation_refused: 'The organisation change is refused whole, nothing stored: `refusals` gives each reason with its sheet and line',
  plan_changed: 'The organisation changed since the preview: preview the file again',
  unknown_procedure: 'No procedure with that code',
  unknown_official: 'No official with that code',
  // Questionnaires (the editor)
  survey_retired: 'That version of the questionnaire is retired: it takes no answer given (submittedAt) after its retirement, and no new invitation',
  draft_exists: 'The questionnaire has a draft already: edit it (PUT …/draft) or delete it first',
  no_draft: 'The questionnaire has no draft',
  draft_changed: 'The draft changed since the updatedAt sent: read it again',
  version_published: 'That version is published and never changes: edit a draft of the next version',
  invalid_definition: 'The questionnaire definition is refused, nothing stored: `issues` gives each problem with its path and code',
  unsupported_surveyjs: 'The SurveyJS file has something outside the supported subset: `issues` names each element (name, type) and its JSON path',
  quick_rating_needed: 'The last offered version of the quick rating (counter-quick) cannot be retired: publish another version first',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Codes inside `issues` of an invalid_request: zod's own, and those the server's checks add.
 * A page shows `<field>: <what is wrong>` from these.
 */
export const ISSUE_CODES = [
  // zod
  'invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys',
  'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom',
  // the server's checks
  'unknown_unit', 'unknown_procedure', 'unknown_official', 'unknown_survey', 'unknown_question',
  'unknown_breakdown', 'unknown_element', 'unknown_option', 'wrong_type', 'out_of_range', 'too_long',
  'missing_required', 'in_future', 'too_old', 'after_to', 'after_return', 'not_a_code', 'not_offered',
  'device_revoked', 'same_as_current', 'not_contact', 'consent_required', 'official_not_in_unit', 'unit_required',
  'browser_required', 'not_allowed', 'unknown_recipient', 'recipient_out_of_scope',
  'unit_retired', 'procedure_retired', 'official_retired', 'not_asked', 'unknown_part',
  // a questionnaire definition (survey-defs/schema.ts, the publishing rules, the editor)
  'duplicate_level', 'not_a_level', 'duplicate_id', 'unknown_scale', 'unknown_section', 'bad_condition', 'not_an_option',
  'priority_missing', 'priority_not_expectation', 'element_in_two_groups', 'groups_missing', 'duplicate_option',
  'kind_changed', 'scale_changed', 'type_changed', 'option_removed', 'id_mismatch', 'version_fixed', 'required',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
