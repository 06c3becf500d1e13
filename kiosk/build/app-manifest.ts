// Vite plugin: the kiosk's web app manifest, the app icons (PNG at the sizes Android asks for, a
// maskable one, SVG) and /favicon.ico, written beside the pages, and the <link>s every page needs.
import type { Plugin } from 'vite';
import { ICON_BLUE, iconPixels, iconSvg } from './app-icon.ts';
import { encodeIco, encodePng } from './png-encoder.ts';

const png = (size: number, maskable = false) => encodePng(size, size, iconPixels(size, maskable));

/** What an Android tablet needs to install the kiosk and start it full screen. */
export const kioskManifest = {
  id: '/kiosk',
  name: 'Đánh giá sự hài lòng – SIPAS',
  short_name: 'Đánh giá SIPAS',
  description: 'Đánh giá sự hài lòng về sự phục vụ hành chính tại bộ phận một cửa',
  lang: 'vi',
  dir: 'ltr',
  start_url: '/kiosk',
  scope: '/kiosk',
  display: 'fullscreen',
  display_override: ['fullscreen', 'standalone'],
  orientation: 'any',
  background_color: '#ffffff',
  theme_color: ICON_BLUE,
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};

/** The <link>s to the icons (and, on the kiosk, the manifest) in every page's head. */
export function appIconLinks(): Plugin {
  return {
    name: 'sipas-app-icon-links',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const tags = [
          { tag: 'link', attrs: { rel: 'icon', href: '/favicon.ico', sizes: '48x48' } },
          { tag: 'link', attrs: { rel: 'icon', href: '/icons/icon.svg', type: 'image/svg+xml' } },
          { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' } },
        ];
        if (ctx.filename.endsWith('kiosk.html')) tags.push({ tag: 'link', attrs: { rel: 'manifest', href: '/kiosk.webmanifest' } } as never);
        return tags.map((t) => ({ ...t, injectTo: 'head' as const }));
      },
    },
  };
}

/** The manifest, the icons and the favicon, written beside the pages. */
export function appManifest(): Plugin {
  return {
    name: 'sipas-app-manifest',
    apply: 'build',
    generateBundle() {
      const emit = (fileName: string, source: string | Uint8Array) => this.emitFile({ type: 'asset', fileName, source });
      emit('kiosk.webmanifest', JSON.stringify(kioskManifest, null, 2));
      emit('icons/icon.svg', iconSvg());
      emit('icons/icon-192.png', png(192));
      emit('icons/icon-512.png', png(512));
      emit('icons/icon-maskable-512.png', png(512, true));
      // iOS and iPadOS take no manifest icons; they want an opaque square.
      emit('icons/apple-touch-icon.png', png(180, true));
      emit('favicon.ico', encodeIco([16, 32, 48].map((size) => ({ size, png: png(size) }))));
    },
  };
}
