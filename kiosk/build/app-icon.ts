// The app icon, drawn from one description both as SVG and as pixels, so the PNGs Android asks
// for are made at build time with no image tool: a smiling face (the rating) on the kiosk's blue.
// Coordinates run from -0.5 to 0.5, y downwards.

export const ICON_BLUE = '#0b4f8a';
const BLUE: Rgba = [0x0b, 0x4f, 0x8a, 255];
const WHITE: Rgba = [255, 255, 255, 255];
type Rgba = [number, number, number, number];

const FACE = { r: 0.3, eye: { x: 0.1, y: -0.07, r: 0.036 }, smile: { r: 0.16, y: -0.01, width: 0.05, from: 25, to: 155 } };

/** `maskable`: full-bleed background, the face within the 80% safe circle; otherwise a rounded tile. */
export function iconSvg(maskable = false): string {
  const s = maskable ? 0.8 : 1;
  const f = (n: number) => +(n * s).toFixed(4);
  const { smile } = FACE;
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const end = (deg: number) => `${f(Math.cos(rad(deg)) * smile.r)} ${f(smile.y + Math.sin(rad(deg)) * smile.r)}`;
  const tile = maskable ? '<rect x="-0.5" y="-0.5" width="1" height="1"/>' : '<rect x="-0.5" y="-0.5" width="1" height="1" rx="0.18"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 1 1"><g fill="${ICON_BLUE}">${tile}</g>`
    + `<circle r="${f(FACE.r)}" fill="#fff"/><g fill="${ICON_BLUE}"><circle cx="${f(-FACE.eye.x)}" cy="${f(FACE.eye.y)}" r="${f(FACE.eye.r)}"/><circle cx="${f(FACE.eye.x)}" cy="${f(FACE.eye.y)}" r="${f(FACE.eye.r)}"/></g>`
    + `<path d="M${end(smile.from)} A${f(smile.r)} ${f(smile.r)} 0 0 1 ${end(smile.to)}" fill="none" stroke="${ICON_BLUE}" stroke-width="${f(smile.width)}" stroke-linecap="round"/></svg>`;
}

/** The colour at point (x, y), or null outside the icon. */
function colourAt(x: number, y: number, maskable: boolean): Rgba | null {
  const s = maskable ? 0.8 : 1;
  const inTile = maskable || roundedSquare(x, y, 0.5, 0.18);
  if (!inTile) return null;
  const [u, v] = [x / s, y / s];
  if (Math.hypot(u, v) > FACE.r) return BLUE;
  const { eye, smile } = FACE;
  if (Math.hypot(Math.abs(u) - eye.x, v - eye.y) <= eye.r) return BLUE;
  const angle = (Math.atan2(v - smile.y, u) * 180) / Math.PI;
  const onArc = angle >= smile.from && angle <= smile.to && Math.abs(Math.hypot(u, v - smile.y) - smile.r) <= smile.width / 2;
  const cap = [smile.from, smile.to].some((deg) => {
    const a = (deg * Math.PI) / 180;
    return Math.hypot(u - Math.cos(a) * smile.r, v - smile.y - Math.sin(a) * smile.r) <= smile.width / 2;
  });
  return onArc || cap ? BLUE : WHITE;
}

function roundedSquare(x: number, y: number, half: number, radius: number): boolean {
  const dx = Math.max(Math.abs(x) - (half - radius), 0);
  const dy = Math.max(Math.abs(y) - (half - radius), 0);
  return Math.abs(x) <= half && Math.abs(y) <= half && Math.hypot(dx, dy) <= radius;
}

/** RGBA pixels of the icon at `size` × `size`, each pixel the average of 4 × 4 samples (smooth edges). */
export function iconPixels(size: number, maskable = false): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size - 0.5, (py + (sy + 0.5) / n) / size - 0.5, maskable);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const covered = a / 255;
      // Colour averaged over the covered samples only, so edges do not darken.
      out[i] = covered ? Math.round(r / covered) : 0;
      out[i + 1] = covered ? Math.round(g / covered) : 0;
      out[i + 2] = covered ? Math.round(b / covered) : 0;
      out[i + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}
