// Below the "Chỉ số" table: each element and the overall index against the previous period (the
// change judged by a two-proportion test) and against its target.
import type ExcelJS from 'exceljs';
import { displayDate, elementTitle, ROMAN, type ReportContext } from './report-context';
import { DECIMAL, fraction, noteRow, PERCENT, tableRow, textRow } from './sheet-print';

export function comparisonTable(sheet: ExcelJS.Worksheet, ctx: ReportContext, sheetWidth: number): void {
  const comparison = ctx.report.extras.comparison;
  if (!comparison) return;
  const { t } = ctx;
  textRow(sheet);
  textRow(sheet, [t('scores.compare.heading', { from: displayDate(comparison.from), to: displayDate(comparison.to), n: comparison.responses })], true);
  const headers = [t('scores.xlsx.no'), t('scores.xlsx.item'), t('scores.xlsx.code'), t('scores.compare.current'), t('scores.compare.previous'), t('scores.compare.difference'), t('scores.compare.change'), t('scores.xlsx.target'), t('scores.compare.targetMet')];
  tableRow(sheet, headers, headers.length, { kind: 'header', height: 45 });
  comparison.rows.forEach((row, i) => {
    const overall = row.id === 'overall';
    tableRow(
      sheet,
      [
        overall ? '' : (ROMAN[i] ?? String(i + 1)),
        overall ? t('scores.overall') : elementTitle(ctx, row.id),
        row.id,
        fraction(row.current),
        fraction(row.previous),
        row.difference,
        row.difference === null ? '' : t(`scores.compare.changes.${row.change}`),
        fraction(row.target),
        row.targetMet === null ? '' : row.targetMet ? t('scores.targetMet') : t('scores.targetMissed'),
      ],
      headers.length,
      { kind: overall ? 'group' : 'body', wrap: true, formats: { 4: PERCENT, 5: PERCENT, 6: DECIMAL, 8: PERCENT } },
    );
  });
  noteRow(sheet, t('scores.compare.method'), sheetWidth);
}
