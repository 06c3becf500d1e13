// The sheet of service figures beside the indices: dossiers returned on time with the Decision
// 766 "satisfaction with procedure handling", and feedback with "complaints handled on time", by
// month and for the whole period.
import type { ReportContext } from './report-context';
import type { SheetWriter } from './workbook-writer';
import { sheetName } from './breakdown-sheet';

export function serviceSheet(ctx: ReportContext, taken: Set<string>): SheetWriter | null {
  const service = ctx.report.extras.service;
  if (!service) return null;
  return (book) => {
    const { t } = ctx;
    const sheet = book.add(sheetName(t('service.sheet'), taken));
    sheet.columns = [{ width: 14 }, ...Array.from({ length: 8 }, () => ({ width: 18, style: { numFmt: '0.00' } }))];
    const heading = (text: string) => {
      const row = sheet.addRow([text]);
      row.font = { bold: true, size: 12 };
      row.commit();
    };
    const header = (cells: string[]) => {
      const row = sheet.addRow(cells);
      row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: 'middle' };
      row.commit();
    };

    heading(t('service.dossiers'));
    header([t('service.period'), t('service.count'), t('service.withDue'), t('service.onTime'), t('service.late'), t('service.rated'), t('service.dissatisfied'), t('service.onTimeShare'), t('service.handling')]);
    const { dossiers } = service;
    for (const p of [...dossiers.months.map((m) => ({ ...m, label: m.period })), { ...dossiers.total, label: t('service.total') }]) {
      const hidden = t('scores.withheld');
      sheet.addRow([p.label, p.dossiers, p.withDue, p.onTime, p.late, p.rated ?? hidden, p.dissatisfied ?? hidden, p.onTimeShare.percent, p.ratingsWithheld ? hidden : p.handlingSatisfaction.percent]).commit();
    }
    sheet.addRow([t('service.onTimeTarget')]).commit();
    sheet.addRow([]).commit();

    heading(t('service.feedback'));
    header([t('service.period'), t('service.received'), t('service.answered'), t('service.answeredOnTime'), t('service.answeredLate'), t('service.open'), t('service.overdue'), t('service.medianDays'), t('service.complaintsOnTime')]);
    const { feedback } = service;
    for (const p of [...feedback.months.map((m) => ({ label: m.key, f: m.figures })), { label: t('service.total'), f: feedback.total }]) {
      const f = p.f;
      sheet.addRow([p.label, f.received, f.answered, f.answeredOnTime, f.answeredLate, f.open, f.overdue, f.medianDaysToAnswer, f.complaintsOnTime.percent]).commit();
    }
    if (feedback.total.complaintsOnTime.pending > 0) sheet.addRow([t('service.pending', { n: feedback.total.complaintsOnTime.pending })]).commit();
    sheet.addRow([t('service.feedbackTarget')]).commit();
  };
}
