// The block above every sheet's table, as a report sent upward begins: the agency, what the sheet
// is, the unit, the period in Vietnam dates, the questionnaire and its version, the number of
// forms, and when the file was made.
import type ExcelJS from 'exceljs';
import { agencyName, displayDateTime, localized, periodText, unitName, type ReportContext } from './report-context';
import { columnLetter, textRow } from './sheet-print';

export interface TitleLine {
  text: string;
  bold?: boolean;
  size?: number;
}

/** The lines of the block; `extra` lines (a legend, a note) come last. */
export function titleLines(ctx: ReportContext, heading: string, extra: readonly string[] = []): TitleLine[] {
  const { t, report, def, lang } = ctx;
  const agency = agencyName(ctx);
  return [
    ...(agency ? [{ text: agency.toUpperCase(), bold: true }] : []),
    // Upper case, as report titles are written, but not the abbreviation of the Prime Minister (QĐ-TTg).
    { text: heading.toUpperCase().replace(/QĐ-TTG/g, 'QĐ-TTg'), bold: true, size: 13 },
    { text: t('scores.report.unit', { name: unitName(ctx) }) },
    { text: t('scores.report.period', { period: periodText(ctx) }) },
    { text: t('scores.report.survey', { title: localized(def.title, lang), version: def.version, method: def.method }) },
    { text: t('scores.report.responses', { n: report.responses, flagged: report.flaggedResponses }) },
    { text: t('scores.xlsx.made', { at: displayDateTime(ctx.now) }) },
    ...(report.withheld ? [{ text: `${t('scores.withheldBecause', { reason: t(`scores.withheldReasons.${report.withheldReason ?? 'few_responses'}`) })} ${t('scores.withheldNote')}`, bold: true }] : []),
    ...extra.map((text) => ({ text })),
  ];
}

/** The row the table's header goes in, below the block and a blank line. */
export const headerRowAfter = (lines: readonly TitleLine[]) => lines.length + 2;

/** Writes the block, each line merged across the table's width so it prints whole. */
export function writeTitleBlock(sheet: ExcelJS.Worksheet, lines: readonly TitleLine[], width: number): void {
  lines.forEach((line, i) => {
    const row = sheet.addRow([line.text]);
    row.font = { bold: line.bold ?? false, size: line.size ?? 11 };
    row.alignment = { horizontal: i < 2 && line.bold ? 'center' : 'left', vertical: 'middle' };
    if (width > 1) sheet.mergeCells(`A${i + 1}:${columnLetter(width)}${i + 1}`);
    row.commit();
  });
  textRow(sheet);
}
