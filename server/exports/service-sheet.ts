// The sheet of service figures beside the indices: dossiers returned on time with the Decision
// 766 "satisfaction with procedure handling", feedback with "complaints handled on time", by
// month and for the whole period, and the Decision 766 points by month and by unit.
import type ExcelJS from 'exceljs';
import type { Indicator766, Points766 } from '../scoring/decision-766';
import { sheetName } from './breakdown-sheet';
import { periodLabel, type ReportContext } from './report-context';
import { DECIMAL, fraction, headerHeight, noteRow, PERCENT, printOptions, tableRow, textRow } from './sheet-print';
import { headerRowAfter, titleLines, writeTitleBlock } from './title-block';
import type { SheetWriter } from './workbook-writer';

const WIDTH = 10;

export function serviceSheet(ctx: ReportContext, taken: Set<string>): SheetWriter | null {
  const service = ctx.report.extras.service;
  if (!service) return null;
  return (book) => {
    const { t } = ctx;
    const lines = titleLines(ctx, t('service.heading'), [t('service.intro')]);
    const sheet = book.add(sheetName(t('service.sheet'), taken), printOptions({ landscape: true, headerRow: headerRowAfter(lines), headerRows: 0 }));
    sheet.columns = [{ width: 30 }, ...Array.from({ length: WIDTH - 1 }, () => ({ width: 14 }))];
    writeTitleBlock(sheet, lines, WIDTH);
    const header = (cells: string[]) => tableRow(sheet, cells, cells.length, { kind: 'header', height: headerHeight(cells, [30, ...cells.map(() => 14)]) });

    textRow(sheet, [t('service.dossiers')], true);
    header([t('service.period'), t('service.count'), t('service.withDue'), t('service.onTime'), t('service.late'), t('service.rated'), t('service.dissatisfied'), t('service.onTimeShare'), t('service.handling')]);
    const { dossiers } = service;
    for (const p of [...dossiers.months.map((m) => ({ ...m, label: periodLabel(ctx, m.period) })), { ...dossiers.total, label: t('service.total') }]) {
      const hidden = t('scores.withheld');
      tableRow(sheet, [p.label, p.dossiers, p.withDue, p.onTime, p.late, p.rated ?? hidden, p.dissatisfied ?? hidden, fraction(p.onTimeShare.percent), p.ratingsWithheld ? hidden : fraction(p.handlingSatisfaction.percent)], 9, { formats: { 8: PERCENT, 9: PERCENT } });
    }
    noteRow(sheet, t('service.onTimeTarget'), WIDTH);
    textRow(sheet);

    textRow(sheet, [t('service.feedback')], true);
    header([t('service.period'), t('service.received'), t('service.answered'), t('service.answeredOnTime'), t('service.answeredLate'), t('service.open'), t('service.overdue'), t('service.medianDays'), t('service.complaintsOnTime')]);
    const { feedback } = service;
    for (const p of [...feedback.months.map((m) => ({ label: periodLabel(ctx, m.key), f: m.figures })), { label: t('service.total'), f: feedback.total }]) {
      const f = p.f;
      tableRow(sheet, [p.label, f.received, f.answered, f.answeredOnTime, f.answeredLate, f.open, f.overdue, f.medianDaysToAnswer, fraction(f.complaintsOnTime.percent)], 9, { formats: { 9: PERCENT } });
    }
    if (feedback.total.complaintsOnTime.pending > 0) noteRow(sheet, t('service.pending', { n: feedback.total.complaintsOnTime.pending }), WIDTH);
    noteRow(sheet, t('service.feedbackTarget'), WIDTH);
    pointsTables(sheet, ctx);
  };
}

/** Decision 766: ratio and points of each indicator, by month and by unit, then what is missing. */
function pointsTables(sheet: ExcelJS.Worksheet, ctx: ReportContext): void {
  const d766 = ctx.report.extras.decision766;
  if (!d766) return;
  const { t } = ctx;
  const headers = [t('d766.period'), ...d766.total.indicators.flatMap((i) => [`${t(`d766.short.${i.id}`)} – ${t('d766.ratio')}`, `${t(`d766.short.${i.id}`)} – ${t('d766.points')}`]), t('d766.totalShort')];
  const formats = { 2: PERCENT, 3: DECIMAL, 4: PERCENT, 5: DECIMAL, 6: PERCENT, 7: DECIMAL, 8: PERCENT, 9: DECIMAL };
  const cells = (p: Points766) => [...p.indicators.flatMap((i: Indicator766) => (i.withheld ? [t('scores.withheld'), t('scores.withheld')] : [fraction(i.ratio), i.points]) as (string | number | null)[]), `${p.points.toFixed(2)} / ${p.max}`];
  const table = (first: string, rows: { label: string; points: Points766 }[]) => {
    tableRow(sheet, [first, ...headers.slice(1)], headers.length, { kind: 'header', height: headerHeight(headers, [30, ...headers.map(() => 14)]) });
    for (const r of rows) tableRow(sheet, [r.label, ...cells(r.points)], headers.length, { formats });
  };
  textRow(sheet);
  textRow(sheet, [t('d766.heading')], true);
  table(t('d766.period'), [...d766.months.map((m) => ({ label: periodLabel(ctx, m.key), points: m.points })), { label: t('service.total'), points: d766.total }]);
  if (d766.units.length > 1) {
    textRow(sheet);
    table(t('d766.unit'), d766.units.map((u) => ({ label: `${'  '.repeat(u.depth)}${ctx.lang === 'vi' ? u.label.vi : (u.label.en ?? u.label.vi)}`, points: u.points })));
  }
  for (const i of d766.total.indicators) for (const m of i.missing) noteRow(sheet, `${t(`d766.indicators.${i.id}`)}: ${t(`d766.missing.${m}`)}`, WIDTH);
  noteRow(sheet, t('d766.source'), WIDTH);
}
