import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialHash, enrolmentCodeHash, newDeviceCredential, newEnrolmentCode, normaliseEnrolmentCode } from '../../server/kiosk/device-tokens';

describe('kiosk enrolment codes and credentials', () => {
  it('makes typeable codes without look-alike characters, all different', () => {
    const codes = Array.from({ length: 500 }, newEnrolmentCode);
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
    expect(new Set(codes).size).toBe(500);
    expect(codes.join('')).not.toMatch(/[01ilo]/);
  });

  it('reads a code back however it was typed', () => {
    expect(normaliseEnrolmentCode(' AB3D ef5h-JK7M ')).toBe('ab3d-ef5h-jk7m');
    expect(normaliseEnrolmentCode('ab3def5hjk7m')).toBe('ab3d-ef5h-jk7m');
    expect(normaliseEnrolmentCode('ab3d-ef5h-jk7')).toBeNull();
    expect(normaliseEnrolmentCode('ab1d-ef5h-jk7m')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const code = normaliseEnrolmentCode(typed);
        if (code !== null) expect(normaliseEnrolmentCode(code)).toBe(code);
      }),
    );
  });

  it('hashes codes with the server secret and credentials without it', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(enrolmentCodeHash(a, 'abcd-efgh-jkmn')).not.toBe(enrolmentCodeHash(b, 'abcd-efgh-jkmn'));
    const credential = newDeviceCredential();
    expect(credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(credentialHash(credential)).toMatch(/^[0-9a-f]{64}$/);
    expect(credentialHash(credential)).not.toContain(credential);
  });
});
