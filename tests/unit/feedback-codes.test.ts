import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptContact, encryptContact, openContact } from '../../server/feedback/contact-cipher';
import { parseContact } from '../../server/feedback/contact-format';
import { canMove } from '../../server/feedback/feedback-rules';
import { normalizeTrackingCode, trackingCode } from '../../server/feedback/tracking-code';
import { periodBuckets } from '../../server/scoring/period-buckets';

const secret = Buffer.alloc(32, 7);

describe('tracking codes', () => {
  it('are 16 characters in 4 groups, the same for the same item, different for another', () => {
    const code = trackingCode(secret, '7b1f8f0e-5b1a-4f6e-8d55-0d4f4ad8a0a1');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(trackingCode(secret, '7b1f8f0e-5b1a-4f6e-8d55-0d4f4ad8a0a1')).toBe(code);
    expect(trackingCode(secret, '7b1f8f0e-5b1a-4f6e-8d55-0d4f4ad8a0a2')).not.toBe(code);
    expect(trackingCode(Buffer.alloc(32, 8), '7b1f8f0e-5b1a-4f6e-8d55-0d4f4ad8a0a1')).not.toBe(code);
  });

  it('read back as typed: any case, spaces, look-alike letters', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const code = trackingCode(secret, id);
        const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
        expect(normalizeTrackingCode(sloppy)).toBe(code);
      }),
    );
    expect(normalizeTrackingCode('ABCD-EFGH-JKMN-PQR')).toBeUndefined();
    expect(normalizeTrackingCode('ABCD-EFGH-JKMN-PQR!')).toBeUndefined();
  });
});

describe('contact details', () => {
  it('accept phone numbers as people write them and e-mail addresses', () => {
    expect(parseContact(' 0912 345 678 ')).toEqual({ kind: 'phone', value: '0912345678' });
    expect(parseContact('+84 (912) 345-678')).toEqual({ kind: 'phone', value: '+84912345678' });
    expect(parseContact('an.nguyen@example.vn')).toEqual({ kind: 'email', value: 'an.nguyen@example.vn' });
    expect(parseContact('gọi tôi nhé')).toBeUndefined();
    expect(parseContact('12345')).toBeUndefined();
    expect(parseContact('a@b')).toBeUndefined();
  });

  it('are sealed so that only the same secret and item open them', () => {
    const sealed = encryptContact(secret, 'item-1', '0912345678');
    expect(sealed).not.toContain('0912345678');
    expect(decryptContact(secret, 'item-1', sealed)).toBe('0912345678');
    expect(encryptContact(secret, 'item-1', '0912345678')).not.toBe(sealed); // a fresh nonce each time
    expect(openContact(secret, 'item-2', sealed)).toBeUndefined();
    expect(openContact(Buffer.alloc(32, 9), 'item-1', sealed)).toBeUndefined();
  });
});

describe('status moves', () => {
  it('go received → in progress → answered → closed, with answers reopenable and closed final', () => {
    expect(canMove('received', 'in_progress')).toBe(true);
    expect(canMove('received', 'answered')).toBe(true);
    expect(canMove('in_progress', 'answered')).toBe(true);
    expect(canMove('answered', 'closed')).toBe(true);
    expect(canMove('answered', 'in_progress')).toBe(true);
    expect(canMove('received', 'closed')).toBe(false);
    expect(canMove('closed', 'in_progress')).toBe(false);
    expect(canMove('in_progress', 'received')).toBe(false);
  });
});

describe('period buckets', () => {
  it('split a range into clipped months, quarters and years', () => {
    expect(periodBuckets('2026-01-15', '2026-03-10', 'month')).toEqual([
      { key: '2026-01', from: '2026-01-15', to: '2026-01-31' },
      { key: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { key: '2026-03', from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(periodBuckets('2025-11-01', '2026-04-30', 'quarter').map((b) => b.key)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodBuckets('2024-02-01', '2025-01-01', 'year')).toEqual([
      { key: '2024', from: '2024-02-01', to: '2024-12-31' },
      { key: '2025', from: '2025-01-01', to: '2025-01-01' },
    ]);
    expect(periodBuckets('2024-02-01', '2024-02-29', 'all')).toEqual([{ key: 'all', from: '2024-02-01', to: '2024-02-29' }]);
  });
});
