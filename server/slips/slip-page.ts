// The printed slip: QR code, short address, short code and one line of instructions. Rendered on
// the server with external CSS and JS only (the CSP forbids inline), one slip per invitation.
import { html, raw } from 'hono/html';
import type { InvitationView } from '../invitations/invitation-body';
import { qrSvg } from '../invitations/qr-svg';

export const SLIP_LAYOUTS = ['thermal', 'a5', 'a4'] as const;
export type SlipLayout = (typeof SLIP_LAYOUTS)[number];

/** Millimetres per QR module: whole print-head dots on an 80 mm (203 dpi) slip, larger on paper. */
export const MODULE_MM: Record<SlipLayout, number> = { thermal: 0.75, a5: 1.25, a4: 0.875 };

type Strings = (key: string, params?: Record<string, string>) => string;

// The last day the invitation works: the day before the midnight it expires at.
const lastDay = (expiresAt: string) => new Date(Date.parse(expiresAt) - 1).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

async function slip(view: InvitationView, layout: SlipLayout, t: Strings) {
  const svg = await qrSvg(view.url, MODULE_MM[layout]);
  return html`<article class="slip">
  <p class="slip__unit">${view.unit.name.vi}</p>
  <h1 class="slip__heading">${t('slip.heading')}</h1>
  <p class="slip__procedure">${view.procedure.name.vi}</p>
  <figure class="slip__qr" role="img" aria-label="${t('slip.qrLabel')}">${raw(svg)}</figure>
  <p class="slip__instruction">${t('slip.instruction')}</p>
  <p class="slip__or">${t('slip.orType', { url: view.shortUrl.replace(/^https?:\/\//, '') })}</p>
  <p class="slip__code">${view.shortCode}</p>
  <p class="slip__expires">${t('slip.expires', { date: lastDay(view.expiresAt) })}</p>
</article>`;
}

/** The whole print page for one or many invitations. */
export async function renderSlipPage(views: readonly InvitationView[], layout: SlipLayout, t: Strings, selfUrl: (layout: SlipLayout) => string): Promise<string> {
  const slips = await Promise.all(views.map((v) => slip(v, layout, t)));
  const page = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('slip.title')}</title>
<link rel="stylesheet" href="/static/slip.css">
<script type="module" src="/static/slip.js"></script>
</head>
<body class="layout-${layout}">
<nav class="toolbar" aria-label="${t('slip.layout')}">
  <button type="button" id="print-button" class="toolbar__print">${t('slip.print')}</button>
  ${SLIP_LAYOUTS.map((l) => html`<a href="${selfUrl(l)}" ${l === layout ? raw('aria-current="page"') : ''}>${t(`slip.layouts.${l}`)}</a>`)}
</nav>
<main class="sheet">
${slips}
</main>
</body>
</html>`;
  return (await page).toString();
}
