// A million plausible sipas-2017 responses, made quickly and deterministically for the
// benchmarks: day by day over a year of working days, so each stored batch covers few dates.
import type { Answers } from '../../survey-defs/check-answers';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { OfficialRow } from '../../server/db/tables/officials';
import type { ProcedureRow } from '../../server/db/tables/procedures';
import type { UnitRow } from '../../server/db/tables/units';
import type { NewDossierCountRow } from '../../server/db/tables/dossier-counts';
import type { NewFeedbackItemRow } from '../../server/db/tables/feedback-items';
import { mulberry32 } from '../../server/seed/synthetic-responses';
import { addDays, startOfVietnamDate, weekday } from '../../server/scoring/vietnam-time';

export interface BenchResponse {
  id: string;
  unit: string;
  procedure: string;
  official: string;
  channel: string;
  submittedAt: string;
  localDate: string;
  flagged: boolean;
  answers: Answers;
}

const CHANNELS = ['kiosk', 'kiosk', 'kiosk', 'qr', 'qr', 'web', 'paper'];
const SUGGESTIONS = ['Nên bố trí thêm ghế ngồi chờ.', 'Cán bộ hướng dẫn nhiệt tình, cảm ơn.', 'Đề nghị niêm yết rõ hơn mức phí.', '=HYPERLINK("http://x")'];

/** Working days of the year ending the day before `end`, oldest first. */
export function workingDays(end: string, days = 365): string[] {
  const out: string[] = [];
  for (let d = addDays(end, -days); d < end; d = addDays(d, 1)) if (weekday(d) !== 0 && weekday(d) !== 6) out.push(d);
  return out;
}

/** Yields `count` responses spread evenly over the working days, each day's in time order. */
export function* benchResponses(def: SurveyDefinition, org: { officials: OfficialRow[]; procedures: ProcedureRow[] }, count: number, end: string, seed = 2026): Generator<BenchResponse> {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const criteria = listCriteria(def);
  const days = workingDays(end);
  const mood = new Map(org.officials.map((o, i) => [o.code, 0.55 + ((i * 37) % 40) / 100]));
  let made = 0;
  for (const [d, date] of days.entries()) {
    const today = Math.round(((d + 1) * count) / days.length) - made;
    const opening = startOfVietnamDate(date).getTime() + 7.5 * 3_600_000;
    for (let k = 0; k < today; k++, made++) {
      const official = pick(org.officials);
      const satisfaction = mood.get(official.code)! + (rand() - 0.5) * 0.3;
      const answers: Answers = {};
      for (const c of criteria) {
        const r = rand();
        if (r < 0.04) continue;
        if (c.element === 'feedback' && r < 0.25) answers[c.id] = 0;
        else answers[c.id] = rand() < (rand() < satisfaction ? 0.8 : 0.2) ? (rand() < 0.55 ? 4 : 5) : rand() < 0.6 ? 3 : rand() < 0.7 ? 2 : 1;
      }
      answers.submission_channel = pick(['in_person', 'in_person', 'online', 'post']);
      answers.trips = pick(['none', 'one', 'one', 'two_or_more']);
      answers.informal_payment = rand() < 0.02 ? 'yes' : 'no';
      answers.gender = pick(['male', 'female']);
      answers.age_band = pick(['a18_24', 'a25_34', 'a35_49', 'a50_60', 'over_60']);
      answers.education = pick(['primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university', 'postgraduate']);
      if (rand() < 0.15) answers.suggestion = pick(SUGGESTIONS);
      const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
      yield {
        id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
        unit: official.unit_code,
        procedure: pick(org.procedures).code,
        official: official.code,
        channel: pick(CHANNELS),
        submittedAt: new Date(opening + (k / today) * 9.5 * 3_600_000).toISOString(),
        localDate: date,
        flagged: rand() < 0.01,
        answers,
      };
    }
  }
}

/**
 * What a one-stop office's year holds beside its answers, for the scores' service and Decision 766
 * figures: a dossier count row for most units, procedures and working days (the one-stop system's
 * returns), and ten reports, complaints or suggestions a working day, most of them answered.
 */
export function benchServiceData(org: { procedures: ProcedureRow[]; units: UnitRow[] }, end: string, seed = 766): { dossierCounts: NewDossierCountRow[]; feedbackItems: NewFeedbackItemRow[] } {
  const rand = mulberry32(seed);
  const dossierCounts: NewDossierCountRow[] = [];
  const feedbackItems: NewFeedbackItemRow[] = [];
  const days = workingDays(end);
  for (const date of days) {
    for (const unit of org.units) {
      for (const procedure of org.procedures) {
        const dossiers = Math.floor(rand() * 7);
        if (!dossiers) continue;
        const late = rand() < 0.1 ? 1 : 0;
        const rated = Math.floor(rand() * (dossiers + 1) * 0.5);
        const dissatisfied = rated && rand() < 0.15 ? 1 : 0;
        dossierCounts.push({ unit_code: unit.code, procedure_code: procedure.code, return_date: date, dossiers, with_due: dossiers, on_time: dossiers - late, late, rated, dissatisfied, dissatisfied_not_late: late ? 0 : dissatisfied });
      }
    }
    for (let k = 0; k < 10; k++) {
      const n = feedbackItems.length;
      const receivedAt = new Date(startOfVietnamDate(date).getTime() + (8 + k * 0.8) * 3_600_000).toISOString();
      // Answered after 1 to 30 days (some past the 15 working days), a few still open.
      const answeredAt = rand() < 0.9 ? new Date(Date.parse(receivedAt) + (1 + Math.floor(rand() * 30)) * 86_400_000).toISOString() : null;
      const answered = answeredAt !== null && answeredAt.slice(0, 10) < end;
      feedbackItems.push({
        id: `bench-feedback-${n}`, code_hash: `bench-code-${n}`, content_hash: `bench-content-${n}`,
        kind: (['report', 'complaint', 'suggestion'] as const)[k % 3]!, channel: 'web',
        unit_code: org.units[Math.floor(rand() * org.units.length)]!.code, procedure_code: org.procedures[Math.floor(rand() * org.procedures.length)]!.code,
        text: 'Đề nghị trả kết quả đúng hẹn.', status: answered ? 'answered' : 'received',
        received_at: receivedAt, local_date: date, due_date: addDays(date, 21),
        answered_at: answered ? answeredAt : null, published_at: answered && rand() < 0.3 ? answeredAt : null,
        sender_rating: answered && rand() < 0.4 ? (rand() < 0.8 ? 'satisfied' : 'dissatisfied') : null,
        updated_at: answered ? answeredAt! : receivedAt,
      });
    }
  }
  return { dossierCounts, feedbackItems };
}
