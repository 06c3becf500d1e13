// A sender's phone number or e-mail address is kept encrypted (AES-256-GCM, key derived from the
// server secret), bound to its item's id: database copies, backups and database error messages
// never hold it in clear. Losing the secret loses the contacts, and nothing else.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const key = (secret: Buffer) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'sipas feedback contact v1', 32));

export function encryptContact(secret: Buffer, itemId: string, contact: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  cipher.setAAD(Buffer.from(itemId));
  const body = Buffer.concat([cipher.update(contact, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The contact in clear; throws when the secret or the item id does not match. */
export function decryptContact(secret: Buffer, itemId: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key(secret), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(itemId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** The contact in clear, or undefined when it cannot be opened (the secret changed since). */
export function openContact(secret: Buffer, itemId: string, sealed: string): string | undefined {
  try {
    return decryptContact(secret, itemId, sealed);
  } catch {
    return undefined;
  }
}
