// One sheet per breakdown in use: a row per unit, procedure, official, channel, period or answer,
// with its responses, overall index and interval, and each element's index.
import { breakdownTitle, elementTitle, rowName, type ReportContext } from './report-context';
import type { Breakdown } from '../scoring/score-report';
import type { SheetWriter } from './workbook-writer';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  taken.add(name);
  return name;
}

export function breakdownSheet(ctx: ReportContext, b: Breakdown, taken: Set<string>): SheetWriter {
  return (book) => {
    const { t, report } = ctx;
    const sheet = book.add(sheetName(breakdownTitle(ctx, b), taken));
    const period = b.kind === 'period';
    const headers = [
      t('scores.xlsx.code'), breakdownTitle(ctx, b),
      ...(period ? [t('scores.xlsx.from'), t('scores.xlsx.to')] : []),
      t('scores.xlsx.responses'), t('scores.overall'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh'),
      ...report.elements.map((e) => elementTitle(ctx, e.id)),
      t('scores.xlsx.note'),
    ];
    const firstPercent = period ? 6 : 4;
    sheet.columns = headers.map((_, i) => ({
      width: i === 1 ? 48 : 16,
      ...(i + 1 >= firstPercent && i + 1 < headers.length ? { style: { numFmt: '0.00' } } : {}),
    }));
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.commit();
    for (const row of b.rows) {
      const indent = '  '.repeat(row.depth ?? 0);
      const byElement = report.elements.map((e) => row.elements.find((x) => x.id === e.id)?.index ?? null);
      const note = row.withheld ? t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${row.withheldReason ?? 'few_responses'}`) }) : row.overall.smallSample ? t('scores.smallSample') : '';
      sheet
        .addRow([
          row.key, indent + rowName(ctx, b, row),
          ...(period ? [row.from ?? '', row.to ?? ''] : []),
          row.responses, row.overall.index, row.overall.ci95?.[0] ?? null, row.overall.ci95?.[1] ?? null,
          ...byElement, note,
        ])
        .commit();
    }
  };
}
