// The secrets of an invitation. The token and short code are derived from a random salt with the
// server secret, and the dossier number is kept as a keyed hash: the database alone can neither
// answer in a citizen's place nor lead back to a dossier, yet the server can reprint a slip.
import { createHmac, randomBytes } from 'node:crypto';
import { sha256Hex } from '../util/sha256-hex';
import { shortCodeFromBytes } from './short-code';

const hmac = (secret: Buffer, text: string) => createHmac('sha256', secret).update(text).digest();

/** 128 random bits from the operating system's cryptographic source. */
export function newTokenSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** The URL-safe token in the QR code: 128 bits, 22 characters. */
export function invitationToken(secret: Buffer, salt: string): string {
  return hmac(secret, `invitation-token:${salt}`).subarray(0, 16).toString('base64url');
}

/** The twelve-digit code printed beside the QR code. */
export function invitationShortCode(secret: Buffer, salt: string): string {
  return shortCodeFromBytes(hmac(secret, `invitation-code:${salt}`));
}

/** Tokens carry 128 random bits, so a plain hash is enough to look them up. */
export function tokenHash(token: string): string {
  return sha256Hex(`invitation-token:${token}`);
}

/** A short code has few bits: its hash is keyed, so the table cannot be searched for codes. */
export function codeHash(secret: Buffer, code: string): string {
  return hmac(secret, `invitation-code-lookup:${code}`).toString('hex');
}

/** Dossier numbers compare trimmed, NFC-normalised and case-insensitively. */
export function dossierHash(secret: Buffer, dossierCode: string): string {
  return hmac(secret, `dossier:${dossierCode.trim().normalize('NFC').toUpperCase()}`).toString('hex');
}

/** The key that marks one questionnaire of one invitation as answered. */
export function useKey(secret: Buffer, invitationId: string, surveyId: string): string {
  return hmac(secret, `invitation-use:${invitationId}:${surveyId}`).toString('hex');
}
