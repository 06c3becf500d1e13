import type { FeedbackFigures } from '../../../../server/scoring/feedback-figures';
import type { StaffStore } from '../staff-store';

interface Row {
  key: string;
  label: string;
  figures: FeedbackFigures;
}

const COLUMNS = ['received', 'answered', 'onTime', 'late', 'open', 'overdue', 'median', 'indicator'] as const;

/** One table of figures, a row per period or unit. */
export function FiguresTable({ store, caption, rowHeading, rows }: { store: StaffStore; caption: string; rowHeading: string; rows: Row[] }) {
  const { t, lang } = store;
  const number = (x: number | null, suffix = '') => (x === null ? t('feedback.figures.none') : `${x.toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB')}${suffix}`);
  const cells = (f: FeedbackFigures) => [f.received, f.answered, f.answeredOnTime, f.answeredLate, f.open, f.overdue].map((n) => number(n));
  return (
    <div class="table-wrap">
      <table class="table fb-figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {COLUMNS.map((c) => <th key={c} scope="col" class="num">{t(`feedback.figures.${c}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {cells(r.figures).map((c, i) => <td key={i} class="num">{c}</td>)}
              <td class="num">{number(r.figures.medianDaysToAnswer)}</td>
              <td class="num">
                {number(r.figures.complaintsOnTime.percent, ' %')}
                <span class="fb-sub">{r.figures.complaintsOnTime.onTime}/{r.figures.complaintsOnTime.decided}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
