// "Báo cáo kết quả đo lường sự hài lòng": the figures laid out as a periodic report sent to the
// Department of Home Affairs, one A4 page set for Print → PDF. Server-rendered, with its
// stylesheet and its one script (the print button) linked, never inline. The body is a list of
// numbered sections: a feature adds its own by adding a section function to the list.
import { html } from 'hono/html';
import type { ScoreReport } from '../../scoring/score-report';
import { unitName, type ReportContext } from '../report-context';
import { breakdownSections } from './breakdown-sections';
import { comparisonSection } from './comparison-section';
import { criteriaSection, elementsSection, overallParagraph } from './index-sections';
import { method1001Sections } from './method-1001-sections';
import { reportFormat, type ReportSection } from './report-format';
import { reportHeader } from './report-header';
import { serviceSection } from './service-section';
import { trendSection } from './trend-section';

export function reportPage(ctx: ReportContext, trend: ScoreReport) {
  const { report, t, lang } = ctx;
  const f = reportFormat(ctx);
  // Decision 1001: the contents before the elements, assessments and expectations after the criteria.
  const of1001 = method1001Sections(ctx, f);
  const sections: ReportSection[] = report.withheld
    ? [serviceSection(ctx, f)].filter((s): s is ReportSection => s !== null)
    : [...of1001.filter((s) => s.id === 'groups'), elementsSection(ctx, f), criteriaSection(ctx, f), ...of1001.filter((s) => s.id !== 'groups'), comparisonSection(ctx, f), trendSection(ctx, f, trend), ...breakdownSections(ctx, f), serviceSection(ctx, f)].filter(
        (s): s is ReportSection => s !== null,
      );

  return html`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${t('scores.report.title')} · ${unitName(ctx)}</title>
  <link rel="stylesheet" href="/static/report.css">
  <script src="/static/report.js" defer></script>
</head>
<body>
  <nav class="toolbar" aria-label="${t('scores.report.print')}"><button type="button" id="print-report">${t('scores.report.print')}</button><a href="/staff">SIPAS</a></nav>
  <main class="page">
    ${reportHeader(ctx)}
    ${overallParagraph(ctx, f)}
    ${sections.map((s, i) => html`<section aria-labelledby="h-${s.id}"><h2 id="h-${s.id}">${i + 1}. ${s.title}</h2>${s.body}</section>`)}
    <div class="notes">
      <p>${t('scores.report.method')}</p>
      <p>${t('scores.report.smallSampleNote')}</p>
      <p>${t('scores.xlsx.noDataNote')}</p>
      <p>${t('scores.withheldNote')}</p>
    </div>
    <div class="signatures">
      <div><p class="signatures__role">${t('scores.report.preparedBy')}</p><p class="signatures__hint">${t('scores.report.signHint')}</p></div>
      <div><p class="signatures__role">${t('scores.report.head')}</p><p class="signatures__hint">${t('scores.report.signSealHint')}</p></div>
    </div>
  </main>
</body>
</html>`;
}
