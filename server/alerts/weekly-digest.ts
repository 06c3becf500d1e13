// The weekly digest a staff member gets of their units: the last seven days against the seven
// before (each questionnaire's overall index, n, interval, and whether it moved significantly),
// the open alerts and the overdue complaints.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { UnitRow } from '../db/tables/units';
import type { UserRow } from '../db/tables/users';
import type { Text } from '../exports/staff-text';
import { COMPLAINT_KINDS } from '../feedback/feedback-rules';
import { listOpenAlerts } from '../repos/alert-rules';
import { readTallies } from '../repos/score-counts';
import { sampleOf } from '../scoring/period-comparison';
import { scoreCard } from '../scoring/score-card';
import { emptyTally } from '../scoring/tally';
import { significantChange } from '../scoring/two-proportion';
import { subtreeCodes } from '../scoring/unit-tree';
import { addDays, vietnamDate } from '../scoring/vietnam-time';
import type { SurveyRegistry } from '../surveys/survey-registry';

const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(2).replace('.', ',')}%`);

export async function digestText(
  src: { db: Kysely<Database>; surveys: SurveyRegistry; units: readonly UnitRow[]; now: Date; t: Text; staffUrl: string },
  user: UserRow,
): Promise<{ subject: string; text: string; unit: string }> {
  const { t } = src;
  const today = vietnamDate(src.now);
  const week = { from: addDays(today, -6), to: today };
  const before = { from: addDays(today, -13), to: addDays(today, -7) };
  const roots = user.unit_code ? [user.unit_code] : src.units.filter((u) => u.parent_code === null).map((u) => u.code);
  const lines = [t('alerts.digest.greeting', { name: user.display_name }), '', t('alerts.digest.period', { from: week.from.split('-').reverse().join('/'), to: week.to.split('-').reverse().join('/') }), ''];
  for (const root of roots) {
    const unit = src.units.find((u) => u.code === root);
    const codes = subtreeCodes(src.units, root);
    lines.push(`■ ${unit?.name_vi ?? root}`);
    for (const def of src.surveys.listPublished()) {
      const card = async (span: { from: string; to: string }) =>
        scoreCard(def, (await readTallies(src.db, { surveyId: def.id, ...span, units: codes, includeFlagged: false, includeUnverified: false })).groups.get('') ?? emptyTally());
      const [now, prev] = [await card(week), await card(before)];
      if (now.responses === 0 && prev.responses === 0) continue;
      const answered = (c: typeof now) => c.criteria.filter((x) => x.index !== null).length;
      const change = significantChange(sampleOf(now.overall, answered(now)), sampleOf(prev.overall, answered(prev)));
      lines.push(
        t('alerts.digest.index', {
          survey: def.title.vi,
          index: pct(now.overall.index),
          low: pct(now.overall.ci95?.[0] ?? null),
          high: pct(now.overall.ci95?.[1] ?? null),
          n: String(now.responses),
          previous: pct(prev.overall.index),
          change: t(`scores.compare.changes.${change}`),
        }),
      );
    }
    const open = await listOpenAlerts(src.db, codes);
    const overdue = await src.db
      .selectFrom('feedback_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', 'in', [...COMPLAINT_KINDS])
      .where('status', 'in', ['received', 'in_progress'])
      .where('due_date', '<', today)
      .where((eb) => eb.or([eb('unit_code', 'in', codes), eb('assigned_unit', 'in', codes)]))
      .executeTakeFirstOrThrow();
    lines.push(t('alerts.digest.alerts', { n: String(open.length) }), t('alerts.digest.overdue', { n: String(Number(overdue.n)) }), '');
  }
  lines.push(t('alerts.mail.open', { url: src.staffUrl }), '', t('alerts.digest.why'));
  return { subject: t('alerts.digest.subject', { from: week.from.split('-').reverse().join('/'), to: week.to.split('-').reverse().join('/') }), text: lines.join('\n'), unit: user.unit_code ?? '' };
}
