// The "Chỉ số" sheet, laid out as provincial SIPAS reports tabulate it: each element (I, II …)
// followed by its criteria (1, 2 …), the answers at each level, n, the index, mean, interval and
// target; then each element against the previous period and its target.
import { listCriteria } from '../../survey-defs/criteria';
import type { IndexFigure } from '../scoring/score-card';
import { comparisonTable } from './comparison-table';
import { criterionText, elementTitle, localized, ROMAN, sampleNote, type ReportContext } from './report-context';
import { DECIMAL, fraction, headerHeight, noteRow, PERCENT, printOptions, tableRow, textRow } from './sheet-print';
import { headerRowAfter, titleLines, writeTitleBlock } from './title-block';
import type { SheetWriter } from './workbook-writer';

export function indexSheet(ctx: ReportContext): SheetWriter {
  return (book) => {
    const { report, def, t, lang } = ctx;
    const scale = def.scales[listCriteria(def)[0]!.scale]!;
    // Paper forms print the levels from the best down; so do the reports.
    const levels = [...scale.levels].sort((a, b) => b.value - a.value);
    const counted = [...levels.map((l) => localized(l.label, lang)), ...(scale.noOpinion ? [t('scores.xlsx.noOpinion')] : [])];
    const headers = [
      t('scores.xlsx.no'), t('scores.xlsx.item'), t('scores.xlsx.code'), ...counted,
      t('scores.xlsx.valid'), t('scores.xlsx.index'), t('scores.xlsx.mean'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh'), t('scores.xlsx.target'), t('scores.xlsx.note'),
    ];
    const widths = [6, 50, 26, ...counted.map(() => 10), 10, 10, 9, 10, 10, 10, 26];
    const first = 4 + counted.length; // the "valid answers" column
    // index, mean, interval, target
    const formats = { [first + 1]: PERCENT, [first + 2]: DECIMAL, [first + 3]: PERCENT, [first + 4]: PERCENT, [first + 5]: PERCENT };
    const lines = titleLines(ctx, t('scores.xlsx.indexTitle'));
    const headerRow = headerRowAfter(lines);
    const sheet = book.add(t('scores.xlsx.indexSheet'), printOptions({ landscape: true, headerRow, freezeColumns: 3 }));
    sheet.columns = widths.map((width) => ({ width }));
    writeTitleBlock(sheet, lines, headers.length);
    tableRow(sheet, headers, headers.length, { kind: 'header', height: headerHeight(headers, widths) });

    const blank = counted.map(() => null);
    const note = (f: IndexFigure, target?: number) =>
      [sampleNote(ctx, f), target !== undefined && f.index !== null ? (f.index >= target ? t('scores.targetMet') : t('scores.targetMissed')) : ''].filter(Boolean).join('; ');
    const figures = (f: IndexFigure) => [f.n, fraction(f.index), f.mean, fraction(f.ci95?.[0]), fraction(f.ci95?.[1])];
    let number = 0;
    report.elements.forEach((el, i) => {
      const target = report.targets[el.id];
      tableRow(sheet, [ROMAN[i] ?? String(i + 1), elementTitle(ctx, el.id), el.id, ...blank, ...figures(el), fraction(target), note(el, target)], headers.length, { kind: 'group', formats });
      for (const c of report.criteria.filter((x) => x.element === el.id)) {
        const counts = levels.map((l) => c.levels[l.value] ?? 0).concat(scale.noOpinion ? [c.noOpinion] : []);
        tableRow(sheet, [++number, criterionText(ctx, c.id), c.id, ...counts, ...figures(c), null, note(c)], headers.length, { formats });
      }
    });
    tableRow(sheet, ['', t('scores.overall'), 'overall', ...blank, ...figures(report.overall), null, note(report.overall)], headers.length, { kind: 'group', formats });
    comparisonTable(sheet, ctx, headers.length);
    textRow(sheet);
    for (const text of [t('scores.report.method'), t('scores.report.smallSampleNote'), t('scores.xlsx.noDataNote')]) noteRow(sheet, text, headers.length);
  };
}
