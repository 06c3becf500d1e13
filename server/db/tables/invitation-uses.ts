/**
 * The questionnaires already answered through an invitation, as keyed hashes of (invitation,
 * questionnaire): the unique key that makes an invitation answer once, and nothing more.
 */
export interface InvitationUsesTable {
  use_key: string;
}
