import type { StaffStore } from '../staff-store';
import type { ScoreOptions, ScoreReport } from './scores-api';

/**
 * Says which structure the figures used when a unit moved or merged after the period began: each
 * date rolls up as the organisation stood on it, so a total may differ from today's tree.
 */
export function StructureNote({ store, report, options }: { store: StaffStore; report: ScoreReport; options: ScoreOptions }) {
  const { t } = store;
  const lang = store.lang.value;
  if (!report.structureChanges.length) return null;
  const name = (code: string | null) => {
    if (code === null) return t('scores.structure.top');
    const unit = options.units.find((u) => u.code === code);
    return unit ? `${lang === 'en' ? unit.name.en : unit.name.vi} (${code})` : code;
  };
  const date = (iso: string) => (lang === 'en' ? iso : iso.split('-').reverse().join('/'));
  const within = report.structureChanges.filter((c) => c.withinRange);
  return (
    <section class="panel structure-note" aria-labelledby="scores-structure">
      <h2 id="scores-structure">{t('scores.structure.title')}</h2>
      <p>{t(within.length ? 'scores.structure.within' : 'scores.structure.before')}</p>
      <ul>
        {report.structureChanges.map((c) => (
          <li key={`${c.unit}-${c.effectiveFrom}`}>
            {t(c.kind === 'merge' ? 'scores.structure.merge' : 'scores.structure.move', { date: date(c.effectiveFrom), unit: name(c.unit), from: name(c.from), to: name(c.to) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
