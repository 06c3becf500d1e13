// A Decision 1001 questionnaire in the printed report: the contents' indices, the assessments as
// shares of each answer, and the needs and expectations in rank order.
import { html } from 'hono/html';
import { localized, type ReportContext } from '../report-context';
import type { ReportFormat, ReportSection } from './report-format';

const interval = (f: ReportFormat, ci: [number, number] | null) => (ci ? `${f.number(ci[0])}–${f.number(ci[1])}` : '—');

export function method1001Sections(ctx: ReportContext, f: ReportFormat): ReportSection[] {
  const { report, def, t, lang } = ctx;
  const text = (id: string) => localized(def.questions.find((q) => q.id === id)?.text, lang);
  const sections: ReportSection[] = [];
  if (report.groups?.length) {
    sections.push({
      id: 'groups',
      title: t('scores.method1001.groups'),
      body: html`<table>
        <thead><tr><th scope="col">${t('scores.method1001.area')}</th><th scope="col">${t('scores.xlsx.valid')}</th><th scope="col">${t('scores.xlsx.index')}</th><th scope="col">${t('scores.tables.ci')}</th></tr></thead>
        <tbody>${report.groups.map((g) => html`<tr><td>${localized(def.groups.find((x) => x.id === g.id)?.title, lang)}</td><td class="num">${g.n}</td><td class="num">${f.pct(g.index)}${f.small(g)}</td><td class="num">${f.ci(g)}</td></tr>`)}</tbody>
      </table>`,
    });
  }
  if (report.assessments?.length) {
    sections.push({
      id: 'assessments',
      title: t('scores.method1001.assessments'),
      body: html`<p class="notes">${t('scores.method1001.assessmentsHint')}</p>
        ${report.assessments.map((a) => {
          const q = def.questions.find((x) => x.id === a.id);
          const label = (id: string) => (q && q.type !== 'text' ? localized(q.options.find((o) => o.id === id)?.label, lang) : id);
          return html`<table>
            <caption>${text(a.id)} (n = ${a.n})</caption>
            <thead><tr><th scope="col">${t('scores.method1001.answer')}</th><th scope="col">${t('scores.method1001.count')}</th><th scope="col">${t('scores.method1001.share')}</th><th scope="col">${t('scores.tables.ci')}</th></tr></thead>
            <tbody>${a.options.map((o) => html`<tr><td>${label(o.id)}</td><td class="num">${o.count}</td><td class="num">${f.pct(o.share)}</td><td class="num">${interval(f, o.ci95)}</td></tr>`)}</tbody>
          </table>`;
        })}`,
    });
  }
  if (report.expectations?.length) {
    sections.push({
      id: 'expectations',
      title: t('scores.method1001.expectations'),
      body: html`<p class="notes">${t('scores.method1001.expectationsHint')}</p>
        <table>
          <thead><tr><th scope="col">${t('scores.method1001.rank')}</th><th scope="col">${t('scores.method1001.area')}</th><th scope="col">n</th><th scope="col">${t('scores.method1001.share')}</th><th scope="col">${t('scores.tables.ci')}</th></tr></thead>
          <tbody>${report.expectations.map((e) => html`<tr><td class="num">${e.rank ?? '—'}</td><td>${text(e.id)}</td><td class="num">${e.n}</td><td class="num">${f.pct(e.share)}</td><td class="num">${interval(f, e.ci95)}</td></tr>`)}</tbody>
        </table>`,
    });
  }
  return sections;
}
