// The "Chủ đề" sheet: per theme the texts, share, change since the previous period and the
// dissatisfied share with and without it, then up to 3 examples each, under the dashboard's own
// withholding (server/themes/theme-report.ts).
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { CountFilter } from '../repos/score-counts';
import { readLexicon } from '../repos/theme-lexicon';
import { themeReport } from '../themes/theme-report';
import { sheetName } from './breakdown-sheet';
import { displayDate, type ReportContext } from './report-context';
import { BORDER, columnLetter, DECIMAL, fraction, headerHeight, noteRow, PERCENT, printOptions, tableRow, textRow } from './sheet-print';
import { headerRowAfter, titleLines, writeTitleBlock } from './title-block';
import type { SheetWriter } from './workbook-writer';

const WIDTHS = [30, 11, 11, 11, 12, 12, 11, 11, 12, 11, 11];

export function themesSheet(ctx: ReportContext, reader: Kysely<Database>, filter: CountFilter, taken: Set<string>): SheetWriter {
  return async (book) => {
    const { t } = ctx;
    // One official asked about: their themes only where their scores are shown.
    const withheld = filter.official !== undefined && ctx.report.withheld ? (ctx.report.withheldReason ?? 'few_responses') : null;
    const report = await themeReport(reader, (await readLexicon(reader)).lexicon, filter, withheld);
    const lines = titleLines(ctx, t('scores.themes.sheetTitle'), [t('scores.themes.note')]);
    const sheet = book.add(sheetName(t('scores.themes.sheet'), taken), printOptions({ landscape: true, headerRow: headerRowAfter(lines), headerRows: 0 }));
    sheet.columns = WIDTHS.map((width) => ({ width }));
    writeTitleBlock(sheet, lines, WIDTHS.length);
    if (report.withheld) {
      noteRow(sheet, t('scores.themes.withheld', { reason: t(`scores.withheldReasons.${report.withheldReason}`) }), WIDTHS.length);
      return;
    }
    textRow(sheet, [t('scores.themes.intro', { n: report.texts })]);
    const header = [
      t('scores.themes.theme'), t('scores.themes.texts'), t('scores.themes.share'), t('scores.themes.previousTexts'), t('scores.themes.change'),
      t('scores.themes.dissatisfiedWith'), t('scores.themes.ciLow'), t('scores.themes.ciHigh'), t('scores.themes.dissatisfiedWithout'), t('scores.themes.ciLow'), t('scores.themes.ciHigh'),
    ];
    tableRow(sheet, header, header.length, { kind: 'header', height: headerHeight(header, WIDTHS) });
    const label = (l: { vi: string; en: string }) => (ctx.lang === 'vi' ? l.vi : l.en);
    for (const x of report.themes) {
      tableRow(sheet, [
        label(x.label), x.texts, fraction(x.share), x.previous?.texts ?? null, x.change, fraction(x.withTheme.percent), fraction(x.withTheme.ci95?.[0] ?? null), fraction(x.withTheme.ci95?.[1] ?? null),
        fraction(x.withoutTheme.percent), fraction(x.withoutTheme.ci95?.[0] ?? null), fraction(x.withoutTheme.ci95?.[1] ?? null),
      ], header.length, { formats: { 3: PERCENT, 5: DECIMAL, 6: PERCENT, 7: PERCENT, 8: PERCENT, 9: PERCENT, 10: PERCENT, 11: PERCENT } });
    }
    textRow(sheet);
    exampleRow(sheet, t('scores.themes.theme'), t('scores.themes.example'), true);
    for (const x of report.themes) for (const e of x.examples) exampleRow(sheet, label(x.label), `${e.text} (${displayDate(e.date)})`);
  };
}

// An example runs across the figures' columns, wrapped, so a long text prints whole.
function exampleRow(sheet: ExcelJS.Worksheet, theme: string, text: string, header = false): void {
  const row = sheet.addRow([theme, text]);
  for (let c = 1; c <= WIDTHS.length; c++) row.getCell(c).border = BORDER;
  row.font = { bold: header };
  row.alignment = { wrapText: true, vertical: 'top' };
  const chars = WIDTHS.slice(1).reduce((a, w) => a + w, 0) * 1.1;
  row.height = Math.min(160, 15 * Math.max(1, Math.ceil(text.length / chars), Math.ceil(theme.length / (WIDTHS[0]! * 1.1))) + 2);
  sheet.mergeCells(`B${row.number}:${columnLetter(WIDTHS.length)}${row.number}`);
  row.commit();
}
