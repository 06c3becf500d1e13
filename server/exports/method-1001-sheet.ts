// Decision 1001's figures beside the satisfaction indices: each content's index, every assessment
// as the share of each answer, and the needs and expectations in rank order.
import { sheetName } from './breakdown-sheet';
import { localized, type ReportContext } from './report-context';
import { fraction, headerHeight, PERCENT, printOptions, tableRow, textRow } from './sheet-print';
import { headerRowAfter, titleLines, writeTitleBlock } from './title-block';
import type { SheetWriter } from './workbook-writer';

const WIDTHS = [8, 56, 14, 12, 12, 12];

export function method1001Sheet(ctx: ReportContext, taken: Set<string>): SheetWriter | null {
  const { report, def, t, lang } = ctx;
  if (!report.groups?.length && !report.assessments?.length && !report.expectations?.length) return null;
  return (book) => {
    const lines = titleLines(ctx, t('scores.method1001.sheetTitle'));
    const sheet = book.add(sheetName(t('scores.method1001.sheet'), taken), printOptions({ landscape: false, headerRow: headerRowAfter(lines), headerRows: 0 }));
    sheet.columns = WIDTHS.map((width) => ({ width }));
    writeTitleBlock(sheet, lines, WIDTHS.length);
    const header = (cells: string[]) => tableRow(sheet, cells, cells.length, { kind: 'header', height: headerHeight(cells, WIDTHS) });
    const question = (id: string) => def.questions.find((q) => q.id === id);
    const ci = (c: [number, number] | null) => [fraction(c?.[0]), fraction(c?.[1])];

    if (report.groups?.length) {
      textRow(sheet, [t('scores.method1001.groups')], true);
      header(['', t('scores.method1001.area'), t('scores.xlsx.valid'), t('scores.xlsx.index'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh')]);
      for (const g of report.groups) {
        tableRow(sheet, [g.id, localized(def.groups.find((x) => x.id === g.id)?.title, lang), g.n, fraction(g.index), ...ci(g.ci95)], WIDTHS.length, { formats: { 4: PERCENT, 5: PERCENT, 6: PERCENT } });
      }
      textRow(sheet);
    }
    if (report.assessments?.length) {
      textRow(sheet, [t('scores.method1001.assessments')], true);
      header(['', t('scores.method1001.answer'), t('scores.method1001.count'), t('scores.method1001.share'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh')]);
      for (const a of report.assessments) {
        const q = question(a.id);
        tableRow(sheet, [a.id, `${localized(q?.text, lang)} (n = ${a.n})`, null, null, null, null], WIDTHS.length, { kind: 'group' });
        for (const o of a.options) {
          const label = q && q.type !== 'text' ? localized(q.options.find((x) => x.id === o.id)?.label, lang) : o.id;
          tableRow(sheet, [o.id, label, o.count, fraction(o.share), ...ci(o.ci95)], WIDTHS.length, { formats: { 4: PERCENT, 5: PERCENT, 6: PERCENT } });
        }
      }
      textRow(sheet);
    }
    if (report.expectations?.length) {
      textRow(sheet, [t('scores.method1001.expectations')], true);
      header([t('scores.method1001.rank'), t('scores.method1001.area'), 'n', t('scores.method1001.share'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh')]);
      for (const e of report.expectations) {
        tableRow(sheet, [e.rank, localized(question(e.id)?.text, lang), e.n, fraction(e.share), ...ci(e.ci95)], WIDTHS.length, { formats: { 4: PERCENT, 5: PERCENT, 6: PERCENT } });
      }
      textRow(sheet, [t('scores.method1001.expectationsHint')]);
    }
  };
}
