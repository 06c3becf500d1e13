// The readable API docs at /api/docs: rendered on the server from the same operations as the
// OpenAPI document, with external CSS only (no CDN, no script).
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { allErrors, AUDIENCES, type Operation } from './operation';
import { jsonSchema } from './openapi-document';
import { operations } from './operations';
import { fieldRows, type FieldRow } from './schema-fields';

type Strings = (key: string, params?: Record<string, string>) => string;

const anchor = (op: Operation) => `${op.method}-${op.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;

function table(rows: (FieldRow & { in?: string })[], t: Strings) {
  return html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t('apiDocs.field')}</th>${rows.some((r) => r.in) ? html`<th scope="col">${t('apiDocs.in')}</th>` : ''}<th scope="col">${t('apiDocs.type')}</th><th scope="col">${t('apiDocs.required')}</th><th scope="col">${t('apiDocs.description')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td><code>${r.name}</code></td>${r.in ? html`<td>${r.in}</td>` : ''}<td>${r.type}</td><td>${r.required ? t('apiDocs.yes') : t('apiDocs.no')}</td><td>${r.description}</td></tr>`)}</tbody>
</table></div>`;
}

function operation(op: Operation, lang: string, t: Strings) {
  const params = [
    ...fieldRows(op.params ? jsonSchema(op.params, 'input') : {}).map((r) => ({ ...r, in: 'path' })),
    ...fieldRows(op.query ? jsonSchema(op.query, 'input') : {}).map((r) => ({ ...r, in: 'query' })),
  ];
  const adminOnly = op.auth?.staff?.roles?.length === 1 && op.auth.staff.roles[0] === 'admin';
  const schemes = [op.auth?.apiKey && 'apiKey', op.auth?.staff && (adminOnly ? 'adminSession' : 'staffSession'), op.auth?.kiosk && 'kioskDevice'].filter(Boolean);
  const auth = schemes.length ? schemes.map((s) => t(`apiDocs.${s}`)).join(' · ') + (op.auth?.kiosk === 'optional' ? ` (${t('apiDocs.optional')})` : '') : t('apiDocs.none');
  const statuses = [
    ...Object.entries(op.ok).map(([status, r]) => [status, r.description] as const),
    ...Object.entries(allErrors(op)).map(([status, codes]) => [status, (codes ?? []).join(', ')] as const),
  ];
  return html`<section class="op" id="${anchor(op)}" aria-labelledby="${anchor(op)}-h">
<h3 id="${anchor(op)}-h"><span class="method method--${op.method}">${op.method.toUpperCase()}</span> <code>${op.path}</code></h3>
<p class="op__summary">${op.summary[lang as 'vi' | 'en'] ?? op.summary.vi}</p>
${op.description ? html`<p>${op.description}</p>` : ''}
<p><strong>${t('apiDocs.auth')}:</strong> ${auth}</p>
${params.length ? html`<h4>${t('apiDocs.parameters')}</h4>${table(params, t)}` : ''}
${op.body ? html`<h4>${t('apiDocs.body')}</h4>${table(fieldRows(jsonSchema(op.body, 'input')), t)}` : ''}
<h4>${t('apiDocs.responses')}</h4>
<ul class="responses">${statuses.map(([status, text]) => html`<li><span class="status status--${status[0]}xx">${status}</span> ${status[0] === '2' || status[0] === '3' ? text : html`<code>${text}</code>`}</li>`)}</ul>
</section>`;
}

/** The whole docs page in one language. */
export async function renderDocsPage(publicUrl: string, lang: string, t: Strings): Promise<string> {
  const base = publicUrl.replace(/\/+$/, '');
  const tags = AUDIENCES;
  const example = `curl -X POST ${base}/api/invitations \\
  -H "Authorization: Bearer sipas_…" -H "Content-Type: application/json" \\
  -d '{"dossierCode":"000.00.17.H37-260310-0001","procedure":"DT-01","unit":"MC-Q1",
       "official":"CB-01","dueAt":"2026-03-12","returnedAt":"2026-03-10T09:30:00+07:00"}'`;
  const sections: HtmlEscapedString[] = [];
  for (const tag of tags) {
    sections.push(await html`<h2 id="tag-${tag}">${t(`apiDocs.tags.${tag}`)}</h2>${operations.filter((o) => o.audience === tag).map((o) => operation(o, lang, t))}`);
  }
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('apiDocs.title')}</title>
<link rel="stylesheet" href="/static/docs.css">
</head>
<body>
<header class="top"><p class="top__title">SIPAS API</p>
<nav aria-label="${t('apiDocs.language')}"><a href="/api/docs" lang="vi" ${lang === 'vi' ? raw('aria-current="page"') : ''}>Tiếng Việt</a> <a href="/api/docs?lang=en" lang="en" ${lang === 'en' ? raw('aria-current="page"') : ''}>English</a></nav></header>
<main>
<h1>${t('apiDocs.heading')}</h1>
<p>${t('apiDocs.intro')} <a href="/api/openapi.json">/api/openapi.json</a></p>
<p>${t('apiDocs.errors')}</p>
<p>${t('apiDocs.idempotent')}</p>
<p class="note">${t('apiDocs.note')}</p>
<h2>${t('apiDocs.example')}</h2>
<pre><code>${example}</code></pre>
<nav aria-label="${t('apiDocs.contents')}"><h2>${t('apiDocs.contents')}</h2>${tags.map((tag) => html`<h3>${t(`apiDocs.tags.${tag}`)}</h3><ul class="toc">${operations.filter((o) => o.audience === tag).map((o) => html`<li><a href="#${anchor(o)}">${o.method.toUpperCase()} ${o.path}</a></li>`)}</ul>`)}</nav>
${sections}
</main>
</body>
</html>`;
  return (await page).toString();
}
