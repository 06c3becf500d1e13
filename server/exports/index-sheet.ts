// The "Chỉ số" sheet, laid out as provincial SIPAS reports tabulate it: each element (I, II …)
// followed by its criteria (1, 2 …), the answers at each level, n, the index, mean and interval.
import { listCriteria } from '../../survey-defs/criteria';
import type { IndexFigure } from '../scoring/score-card';
import { criterionText, elementTitle, localized, periodText, unitName, type ReportContext } from './report-context';
import type { SheetWriter } from './workbook-writer';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const PERCENT = '0.00';

export function indexSheet(ctx: ReportContext): SheetWriter {
  return (book) => {
    const { report, def, t, lang } = ctx;
    const sheet = book.add(t('scores.xlsx.indexSheet'));
    const scale = def.scales[listCriteria(def)[0]!.scale]!;
    // Paper forms print the levels from the best down; so do the reports.
    const levels = [...scale.levels].sort((a, b) => b.value - a.value);
    const headers = [
      t('scores.xlsx.no'), t('scores.xlsx.item'), t('scores.xlsx.code'),
      ...levels.map((l) => localized(l.label, lang)),
      ...(scale.noOpinion ? [t('scores.xlsx.noOpinion')] : []),
      t('scores.xlsx.valid'), t('scores.xlsx.index'), t('scores.xlsx.mean'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh'), t('scores.xlsx.target'), t('scores.xlsx.note'),
    ];
    const blankLevels = levels.map(() => null).concat(scale.noOpinion ? [null] : []);
    // Index, mean, interval and target get two decimals however the reader's Excel is set up.
    const twoDecimals = new Set([5, 6, 7, 8, 9].map((k) => k + blankLevels.length));
    sheet.columns = headers.map((_, i) => ({ width: i === 1 ? 60 : i === 0 ? 6 : 14, ...(twoDecimals.has(i + 1) ? { style: { numFmt: PERCENT } } : {}) }));
    const line = (values: unknown[], bold = false) => {
      const row = sheet.addRow(values);
      if (bold) row.font = { bold: true };
      row.commit();
    };
    line([t('scores.report.title').toUpperCase()], true);
    line([t('scores.report.unit', { name: unitName(ctx) })]);
    line([t('scores.report.period', { period: periodText(ctx) })]);
    line([t('scores.report.survey', { title: localized(def.title, lang), version: def.version, method: def.method })]);
    line([t('scores.report.responses', { n: report.responses, flagged: report.flaggedResponses })]);
    if (report.withheld) line([`${t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${report.withheldReason ?? 'few_responses'}`) })} ${t('scores.withheldNote')}`], true);
    line([]);
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.commit();

    const note = (f: IndexFigure, target?: number) =>
      [f.smallSample ? t('scores.smallSample') : '', target !== undefined && f.index !== null ? (f.index >= target ? t('scores.targetMet') : t('scores.targetMissed')) : '']
        .filter(Boolean)
        .join('; ');
    const figures = (f: IndexFigure) => [f.n, f.index, f.mean, f.ci95?.[0] ?? null, f.ci95?.[1] ?? null];
    let number = 0;
    report.elements.forEach((el, i) => {
      const target = report.targets[el.id];
      line([ROMAN[i] ?? String(i + 1), elementTitle(ctx, el.id), el.id, ...blankLevels, ...figures(el), target ?? null, note(el, target)], true);
      for (const c of report.criteria.filter((x) => x.element === el.id)) {
        const counts = levels.map((l) => c.levels[l.value] ?? 0).concat(scale.noOpinion ? [c.noOpinion] : []);
        line([++number, criterionText(ctx, c.id), c.id, ...counts, ...figures(c), null, note(c)]);
      }
    });
    line(['', t('scores.overall'), 'overall', ...blankLevels, ...figures(report.overall), null, note(report.overall)], true);
    line([]);
    line([t('scores.report.method')]);
    line([t('scores.report.smallSampleNote')]);
  };
}
