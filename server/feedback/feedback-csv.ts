// The items of a period as CSV for the reports, through the one CSV writer every export uses
// (quoted for comma and semicolon readers alike, formulas made inert). Contact details go in only
// when an admin asks, and the route audits that.
import type { FeedbackItemRow } from '../db/tables/feedback-items';
import { csvLine, UTF8_BOM } from '../exports/csv-cells';
import { vietnamDate } from '../scoring/vietnam-time';

const COLUMNS = [
  'ref', 'received_at', 'received_date', 'kind', 'channel', 'unit', 'procedure', 'status', 'due_date', 'answered_at', 'answered_on_time',
  'assigned_unit', 'assigned_official', 'text', 'reply', 'publishable',
] as const;

/** The CSV text (with a byte-order mark, so spreadsheet programs read Vietnamese right). */
export function feedbackCsv(items: readonly FeedbackItemRow[], contactOf?: (item: FeedbackItemRow) => string): string {
  const header = contactOf ? [...COLUMNS, 'contact_kind', 'contact'] : [...COLUMNS];
  const lines = items.map((i) => {
    const onTime = i.answered_at === null ? '' : vietnamDate(i.answered_at) <= i.due_date ? 1 : 0;
    const cells: (string | number | null)[] = [
      i.id.slice(0, 8).toUpperCase(), i.received_at, i.local_date, i.kind, i.channel, i.unit_code, i.procedure_code, i.status, i.due_date, i.answered_at, onTime,
      i.assigned_unit, i.assigned_official, i.text, i.reply, i.publishable,
    ];
    if (contactOf) cells.push(i.contact_kind, i.contact_sealed ? contactOf(i) : '');
    return csvLine(cells);
  });
  return UTF8_BOM + csvLine(header) + lines.join('');
}
