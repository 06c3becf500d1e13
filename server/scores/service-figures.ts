// The service figures shown beside the satisfaction indices, for the same units and dates:
// dossiers returned on time and the Decision 766 "satisfaction with procedure handling" (from QR
// invitations), and feedback handled on time with Decision 766 "complaints handled on time".
import { dossierFigures } from '../repos/dossier-counts';
import { feedbackFigures } from '../repos/feedback-figures';
import type { DossierFigures, Share } from '../scoring/dossier-figures';
import type { ScoreExtras, ScoreFilter, ServiceFigures } from '../scoring/score-report';
import { vietnamDate } from '../scoring/vietnam-time';
import type { ScoreSources } from './compute-scores';
import { decision766Figures } from './decision-766-figures';
import type { CoveredUnits } from './score-scope';

/** Before any office could have used this platform: "from the beginning". */
const BEGINNING = '2000-01-01';

/** The service figures and the Decision 766 points, as a report's extras. */
export async function serviceExtras(src: ScoreSources, filter: ScoreFilter, covered: CoveredUnits): Promise<ScoreExtras> {
  const range = { from: filter.from ?? BEGINNING, to: filter.to ?? vietnamDate(src.now) };
  const [service, decision766] = await Promise.all([
    serviceFigures(src, filter, covered),
    decision766Figures(src.db, { units: covered.units, root: covered.root, orgUnits: src.org.units, procedure: filter.procedure, ...range, now: src.now }),
  ]);
  return { service, decision766 };
}

/** The service figures for the filter's units and dates (the procedure filter applies to dossiers only). */
export async function serviceFigures(src: Pick<ScoreSources, 'db' | 'reader' | 'org' | 'now'>, filter: ScoreFilter, covered: CoveredUnits): Promise<ServiceFigures> {
  const { db, now } = src;
  const range = { from: filter.from ?? BEGINNING, to: filter.to ?? vietnamDate(now) };
  const [dossiers, feedback] = await Promise.all([
    dossierFigures(db, { unit: covered.root, units: covered.units, ...(filter.procedure ? { procedure: filter.procedure } : {}), ...range, period: 'month' }, { units: src.org.units, today: vietnamDate(now) }),
    // Every feedback item of the range is read (the median days to answer needs each one). On
    // SQLite it is read on the reader's thread while the Decision 766 figures read the complaints
    // on the server's: the two reads overlap, and the server's thread is not held for this one.
    // (On PostgreSQL the reader is the same pool, and the two reads take two connections.)
    feedbackFigures(src.reader, { units: covered.units, ...range, period: 'month', asOf: now }),
  ]);
  return {
    dossiers: { total: roundShares(dossiers.total), months: dossiers.periods.map(roundShares) },
    feedback: { asOf: feedback.asOf, total: feedback.total, months: feedback.periods.filter((p) => p.figures.received > 0) },
  };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const roundShare = (s: Share): Share => ({ ...s, percent: round2(s.percent), low: round2(s.low), high: round2(s.high) });

function roundShares<F extends DossierFigures>(f: F): F {
  return { ...f, onTimeShare: roundShare(f.onTimeShare), handlingSatisfaction: roundShare(f.handlingSatisfaction) };
}
