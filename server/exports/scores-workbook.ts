// The XLSX of a score report: "Chỉ số", one sheet per breakdown in use, the dossier and feedback
// figures (Decision 766), the themes of the texts, then the raw responses. A feature adds its sheet by adding a writer here.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { CountFilter } from '../repos/score-counts';
import { breakdownSheet } from './breakdown-sheet';
import { indexSheet } from './index-sheet';
import { method1001Sheet } from './method-1001-sheet';
import { rawResponsesSheet } from './raw-sheet';
import { serviceSheet } from './service-sheet';
import { themesSheet } from './themes-sheet';
import type { ReportContext } from './report-context';
import type { SheetWriter } from './workbook-writer';

export function scoresWorkbookSheets(ctx: ReportContext, reader: Kysely<Database>, filter: CountFilter): SheetWriter[] {
  const index = ctx.t('scores.xlsx.indexSheet');
  const raw = ctx.t('scores.xlsx.rawSheet');
  const taken = new Set([index, raw]);
  const service = serviceSheet(ctx, taken);
  const method1001 = method1001Sheet(ctx, taken);
  return [
    indexSheet(ctx),
    ...(method1001 ? [method1001] : []),
    ...ctx.report.breakdowns.map((b) => breakdownSheet(ctx, b, taken)),
    ...(service ? [service] : []),
    themesSheet(ctx, reader, filter, taken),
    ...(ctx.rawRows === 'none' ? [] : [rawResponsesSheet(reader, ctx, filter, raw)]),
  ];
}
