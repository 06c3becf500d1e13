// Ids made in the browser. crypto.randomUUID() exists only on HTTPS pages and localhost; a kiosk
// on an office network is often plain HTTP, where getRandomValues() still works.

/** A random (version 4) UUID. */
export function randomId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const DEVICE_KEY = 'sipas.device';

/**
 * An anonymous id this browser keeps (localStorage, never a cookie), used by the server only to
 * limit how often one device sends; a fresh one per page load when storage is unavailable.
 */
export function anonymousDeviceId(): string {
  try {
    const known = localStorage.getItem(DEVICE_KEY);
    if (known && /^[A-Za-z0-9_-]{8,64}$/.test(known)) return known;
    const made = randomId();
    localStorage.setItem(DEVICE_KEY, made);
    return made;
  } catch {
    return randomId();
  }
}
