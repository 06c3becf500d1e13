// Reads QR codes the way a phone would: from pixels. PNG screenshots are decoded to pixels by
// Chromium itself (a canvas in a blank page), PPM files from pdftoppm by hand; jsQR does the rest.
import jsQR from 'jsqr';
import type { Browser, Locator } from 'playwright-core';

/**
 * Scans a QR code shown on a page the way a phone camera does: frame after frame until one reads,
 * a few frames at most. One CI run read null from a single screenshot of a slip that reads every
 * other time; 450 random addresses at the thermal size, at sub-pixel offsets, all read from one
 * frame. So one unlucky frame does not fail the test; a code that never reads still does.
 */
export async function scanQr(browser: Browser, code: Locator, frames = 5): Promise<string | null> {
  for (let frame = 0; frame < frames; frame++) {
    const text = await decodeQrPng(browser, await code.screenshot());
    if (text !== null) return text;
  }
  return null;
}

/** The text in the QR code of a PNG image, or null when none can be read. */
export async function decodeQrPng(browser: Browser, png: Buffer): Promise<string | null> {
  const page = await browser.newPage();
  try {
    const { width, height, data } = await page.evaluate(async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
    }, `data:image/png;base64,${png.toString('base64')}`);
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
  } finally {
    await page.close();
  }
}

/** The text in the QR code of a binary PPM (P6) or PGM (P5) image, as pdftoppm writes them. */
export function decodeQrPnm(file: Buffer): string | null {
  const header = /^(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM/PGM file');
  const [whole, kind, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  const channels = kind === 'P6' ? 3 : 1;
  const pixels = file.subarray(whole.length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels === 3 ? c : 0)]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
