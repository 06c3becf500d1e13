import { hash } from 'node:crypto';

/**
 * SHA-256 of a text, in hex: the content hash of an answer or a questionnaire, the stored form of
 * a credential, token or key. One call without a Hash object, half the time of createHash for
 * the short texts of every answer (tests/bench/NOTES.md).
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
