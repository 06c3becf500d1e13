// One sheet per breakdown in use: a row per unit, procedure, official, channel, period or answer,
// with its code, name, responses, overall index and interval, and each element's index.
import { breakdownTitle, elementTitle, rowName, sampleNote, type ReportContext } from './report-context';
import type { Breakdown } from '../scoring/score-report';
import { DATE, fraction, headerHeight, PERCENT, printOptions, tableRow } from './sheet-print';
import { headerRowAfter, titleLines, writeTitleBlock } from './title-block';
import type { SheetWriter } from './workbook-writer';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  taken.add(name);
  return name;
}

/** A date cell for a YYYY-MM-DD Vietnam date (midnight, shown as dd/mm/yyyy). */
export const dateCell = (date: string | undefined) => (date ? new Date(`${date}T00:00:00.000Z`) : null);

export function breakdownSheet(ctx: ReportContext, b: Breakdown, taken: Set<string>): SheetWriter {
  return (book) => {
    const { t, report } = ctx;
    const period = b.kind === 'period';
    const title = breakdownTitle(ctx, b);
    const headers = [
      t('scores.xlsx.code'), title,
      ...(period ? [t('scores.xlsx.from'), t('scores.xlsx.to')] : []),
      t('scores.xlsx.responses'), t('scores.overall'), t('scores.xlsx.ciLow'), t('scores.xlsx.ciHigh'),
      ...report.elements.map((e) => elementTitle(ctx, e.id)),
      t('scores.xlsx.note'),
    ];
    const widths = headers.map((_, i) => (i === 1 ? 44 : i === 0 ? 16 : i === headers.length - 1 ? 26 : 12));
    const firstIndex = period ? 6 : 4; // the overall index column
    const formats: Record<number, string> = period ? { 3: DATE, 4: DATE } : {};
    for (let c = firstIndex; c < headers.length; c++) formats[c] = PERCENT;
    const lines = titleLines(ctx, b.kind === 'question' ? t('scores.xlsx.resultsBy', { what: title }) : `${t('scores.xlsx.breakdownTitle')} ${title.toLowerCase()}`);
    const headerRow = headerRowAfter(lines);
    const sheet = book.add(sheetName(title, taken), printOptions({ landscape: headers.length > 7, headerRow, freezeColumns: 2 }));
    sheet.columns = widths.map((width) => ({ width }));
    writeTitleBlock(sheet, lines, headers.length);
    tableRow(sheet, headers, headers.length, { kind: 'header', height: headerHeight(headers, widths) });
    for (const row of b.rows) {
      const indent = '  '.repeat(row.depth ?? 0);
      const byElement = report.elements.map((e) => fraction(row.elements.find((x) => x.id === e.id)?.index));
      const note = row.withheld ? t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${row.withheldReason ?? 'few_responses'}`) }) : row.responses === 0 ? t('scores.noResponses') : sampleNote(ctx, row.overall);
      tableRow(
        sheet,
        [
          row.key, indent + rowName(ctx, b, row),
          ...(period ? [dateCell(row.from), dateCell(row.to)] : []),
          row.responses, fraction(row.overall.index), fraction(row.overall.ci95?.[0]), fraction(row.overall.ci95?.[1]),
          ...byElement, note,
        ],
        headers.length,
        { formats },
      );
    }
  };
}
