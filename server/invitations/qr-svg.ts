// The QR code on the slip. Error correction Q (25% of the code can be lost): thermal paper fades,
// gets creased in a wallet and smudged by thumbs, and Q keeps a ~60-character address at version
// 5 (37×37 modules), small enough for big modules. On the 80 mm thermal slip a module is 0.75 mm:
// six dots of a 203 dpi print head, so every module is a whole number of dots and stays square,
// and the code with its 4-module quiet zone is 34 mm wide, easy for any phone camera at 15–30 cm.
import QRCode from 'qrcode';

export const QR_ERROR_CORRECTION = 'Q' as const;
export const QR_QUIET_ZONE = 4;

/** The QR code as SVG; with moduleMm, sized in millimetres for print. */
export async function qrSvg(text: string, moduleMm?: number): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE });
  if (!moduleMm) return svg;
  const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const size = `${+(modules * moduleMm).toFixed(3)}mm`;
  return svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
}
