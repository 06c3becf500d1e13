import QRCode from 'qrcode';

/** How long a manager has to open the enrolment link on the tablet. */
export const ENROLMENT_HOURS = 24;

export interface Enrolment {
  /** The one-time code, shown once; the server keeps only its HMAC. */
  code: string;
  /** The kiosk address with the code in the fragment, which browsers never send to a server. */
  url: string;
  /** The same address as a QR code (an SVG data URL) for the tablet's camera. */
  qr: string;
  expiresAt: string;
}

export async function enrolmentLink(publicUrl: string, code: string, expiresAt: string): Promise<Enrolment> {
  const url = `${publicUrl.replace(/\/+$/, '')}/kiosk#enrol=${code}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { code, url, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, expiresAt };
}
