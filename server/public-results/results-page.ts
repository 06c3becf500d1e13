// /ket-qua: the published results as one light server-rendered page (no script), readable on a
// small phone: a ranking of the units with enough answers, then each unit's index by year and
// quarter with its interval and number of forms, the elements folded away, and a link to the
// unit's published feedback answers.
import { html } from 'hono/html';
import { displayDate } from '../exports/report-context';
import type { PublishedFigure, PublishedPeriod } from '../scoring/published-results';
import { PUBLIC_MIN_RESPONSES } from '../scoring/published-results';
import { SMALL_SAMPLE } from '../scoring/score-card';
import { vietnamDate } from '../scoring/vietnam-time';
import type { PublicResults } from './public-results';
import type { ResultPeriod } from './result-periods';

type T = (key: string, params?: Record<string, string>) => string;

export function resultsPage(results: PublicResults, lang: string, t: T) {
  const name = (text: { vi: string; [k: string]: string | undefined }) => text[lang] ?? text.vi;
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (f: PublishedFigure | null) => (f?.index == null ? '—' : `${number(f.index)}%${f.smallSample ? ' *' : ''}`);
  const ci = (f: PublishedFigure | null) => (f?.ci95 ? `${number(f.ci95[0])}–${number(f.ci95[1])}` : '—');
  const periodName = (p: ResultPeriod) => {
    const base = p.kind === 'year' ? t('results.year', { year: p.key }) : t('results.quarter', { q: p.key.slice(6), year: p.key.slice(0, 4) });
    return p.partial ? `${base} ${t('results.soFar', { date: displayDate(p.to) })}` : base;
  };
  const elementName = (id: string) => {
    const element = results.survey.elements.find((e) => e.id === id);
    return element ? name(element.title) : id;
  };
  const rankedYear = results.periods.filter((p) => p.kind === 'year').find((p) => results.units.some((u) => u.results.find((r) => r.period === p.key)?.rank != null));
  const ranking = rankedYear
    ? results.units
        .map((u) => ({ u, r: u.results.find((r) => r.period === rankedYear.key)! }))
        .filter((x) => x.r.rank !== null)
        .sort((a, b) => a.r.rank! - b.r.rank!)
    : [];
  const row = (p: ResultPeriod, r: PublishedPeriod) =>
    html`<tr><th scope="row">${periodName(p)}</th>${r.withheld ? html`<td colspan="2">${t('results.withheld', { n: String(PUBLIC_MIN_RESPONSES) })}</td>` : html`<td class="num">${pct(r.overall)}</td><td class="num ci">${ci(r.overall)}</td>`}<td class="num">${r.responses}</td></tr>`;
  const other = lang === 'vi' ? { href: '/ket-qua?lang=en', lang: 'en', label: 'English' } : { href: '/ket-qua', lang: 'vi', label: 'Tiếng Việt' };

  return html`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${t('results.title')}</title>
  <meta name="description" content="${t('results.intro')}">
  <link rel="stylesheet" href="/static/results.css">
</head>
<body>
  <header class="bar"><p class="bar__title">${t('results.brand')}</p><a class="bar__lang" href="${other.href}" lang="${other.lang}" hreflang="${other.lang}">${other.label}</a></header>
  <main>
    <h1>${t('results.title')}</h1>
    <p>${t('results.intro')}</p>
    <p class="hint">${t('results.survey', { title: name(results.survey.title), method: results.survey.method })}</p>
    ${results.units.length === 0 ? html`<p class="empty">${t('results.none')}</p>` : ''}
    ${rankedYear
      ? html`<section aria-labelledby="ranking"><h2 id="ranking">${t('results.ranking', { period: periodName(rankedYear) })}</h2>
      <ol class="ranking">${ranking.map(({ u, r }) => html`<li value="${r.rank}"><a href="#u-${u.code}">${name(u.name)}</a> <span class="num">${pct(r.overall)}</span></li>`)}</ol>
      <p class="hint">${t('results.rankingRule', { min: String(SMALL_SAMPLE) })}</p></section>`
      : ''}
    ${results.units.map((u) => html`<section class="unit" id="u-${u.code}" aria-labelledby="h-${u.code}">
      <h2 id="h-${u.code}">${name(u.name)}</h2>
      <div class="wrap" tabindex="0" role="region" aria-label="${t('results.tableCaption')} – ${name(u.name)}"><table>
        <caption>${t('results.tableCaption')}</caption>
        <thead><tr><th scope="col">${t('results.period')}</th><th scope="col">${t('results.index')}</th><th scope="col">${t('results.ci')}</th><th scope="col">${t('results.responses')}</th></tr></thead>
        <tbody>${results.periods.map((p) => row(p, u.results.find((r) => r.period === p.key)!))}</tbody>
      </table></div>
      ${results.periods.map((p) => {
        const r = u.results.find((x) => x.period === p.key)!;
        return r.withheld || r.overall?.index == null
          ? ''
          : html`<details><summary>${t('results.elementsOf', { period: periodName(p) })}</summary><div class="wrap" tabindex="0" role="region" aria-label="${t('results.elementsOf', { period: periodName(p) })}"><table>
          <thead><tr><th scope="col">${t('results.element')}</th><th scope="col">${t('results.index')}</th><th scope="col">${t('results.ci')}</th><th scope="col">${t('results.n')}</th></tr></thead>
          <tbody>${r.elements.map((e) => html`<tr><th scope="row">${elementName(e.id)}</th><td class="num">${pct(e)}</td><td class="num ci">${ci(e)}</td><td class="num">${e.n}</td></tr>`)}</tbody>
        </table></div></details>`;
      })}
      <p><a class="link" href="${u.feedbackUrl}">${t('results.feedbackLink')}</a></p>
    </section>`)}
    <footer class="notes">
      <p>${t('results.smallNote', { min: String(SMALL_SAMPLE) })}</p>
      <p>${t('results.method')}</p>
      <p>${t('results.privacy', { n: String(PUBLIC_MIN_RESPONSES) })}</p>
      <p>${t('results.generated', { date: displayDate(vietnamDate(results.generatedAt)) })}</p>
    </footer>
  </main>
</body>
</html>`;
}
