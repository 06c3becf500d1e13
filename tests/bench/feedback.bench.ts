// Feedback figures, the inbox, and a scores call's service and Decision 766 figures on a year of
// items (50,000, far more than one agency receives), beside a baseline in the same run: a bare read
// of the same columns, with nothing computed.
import { randomUUID } from 'node:crypto';
import { feedbackFigures } from '../../server/repos/feedback-figures';
import { listInbox } from '../../server/repos/feedback-lists';
import { computeScores } from '../../server/scores/compute-scores';
import { resolveScoreQuery } from '../../server/scores/score-query';
import type { NewFeedbackItemRow } from '../../server/db/tables/feedback-items';
import { addWorkingDays } from '../../server/scoring/working-days';
import { addDays } from '../../server/scoring/vietnam-time';
import { createTestDatabase, type Dialect } from '../helpers/test-database';
import type { Benchmark } from './index';

const ITEMS = 50_000;
const RUNS = 7;
const UNITS = ['MC-Q1', 'MC-Q2', 'QLDT', 'QHXD', 'DNLD', 'TTCK'];
const KINDS = ['suggestion', 'report', 'complaint'];

/** A year of plausible items: spread over 2025, two thirds answered within 1–20 days. */
function syntheticItems(): NewFeedbackItemRow[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: ITEMS }, (_, i) => {
    const localDate = addDays('2025-01-01', Math.floor(next() * 365));
    const receivedAt = `${localDate}T02:00:00.000Z`;
    const answered = next() < 0.67;
    const answeredAt = answered ? new Date(Date.parse(receivedAt) + Math.floor(1 + next() * 20) * 86_400_000).toISOString() : null;
    return {
      id: randomUUID(), code_hash: `bench-${i}`, content_hash: 'bench', kind: KINDS[i % 3]!, channel: 'web', unit_code: UNITS[i % UNITS.length]!,
      procedure_code: '', text: 'Nội dung góp ý để đo tốc độ.', contact_sealed: null, contact_kind: null, status: answered ? 'answered' : 'received',
      received_at: receivedAt, local_date: localDate, due_date: addWorkingDays(localDate, 10), answered_at: answeredAt, updated_at: receivedAt,
    };
  });
}

const median = (values: number[]) => Number(values.sort((a, b) => a - b)[values.length >> 1]!.toFixed(1));

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  return (await alternating([work]))[0]!.ms;
}

/**
 * Median wall-clock and CPU time of each piece of work (CPU: this process's, so all of SQLite's
 * work and only the client's side of PostgreSQL's), run in turn so that a change in the machine's
 * load falls on all of them alike. The CPU time moves less than the wall clock on a shared machine.
 */
async function alternating(works: (() => Promise<unknown>)[]): Promise<{ ms: number; cpuMs: number }[]> {
  const times = works.map(() => [] as number[]);
  const cpu = works.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [w, work] of works.entries()) {
      const started = performance.now();
      const usage = process.cpuUsage();
      await work();
      const used = process.cpuUsage(usage);
      times[w]!.push(performance.now() - started);
      cpu[w]!.push((used.user + used.system) / 1000);
    }
  }
  return works.map((_, w) => ({ ms: median(times[w]!), cpuMs: median(cpu[w]!) }));
}

async function measure(dialect: Dialect, items: NewFeedbackItemRow[]) {
  const database = await createTestDatabase(dialect);
  const db = database.handle.db;
  try {
    for (let i = 0; i < items.length; i += 500) await db.insertInto('feedback_items').values(items.slice(i, i + 500)).execute();
    const asOf = new Date('2026-01-15T03:00:00Z');
    const scoreDeps = { db, reader: database.handle.reader, surveys: database.surveys, clock: () => asOf };
    const [baseline, figures] = (await alternating([
      () => db.selectFrom('feedback_items').select(['kind', 'unit_code', 'local_date', 'received_at', 'due_date', 'answered_at']).execute(),
      () => feedbackFigures(db, { units: null, from: '2025-01-01', to: '2025-12-31', period: 'month', asOf }),
    ])) as [{ ms: number; cpuMs: number }, { ms: number; cpuMs: number }];
    return {
      baseline: baseline.ms,
      baselineCpu: baseline.cpuMs,
      figures: figures.ms,
      figuresCpu: figures.cpuMs,
      figuresOneUnit: await medianMs(() => feedbackFigures(db, { units: ['QLDT'], from: '2025-01-01', to: '2025-12-31', period: 'quarter', asOf })),
      inbox: await medianMs(() => listInbox(db, { scope: ['MC', 'MC-Q1', 'MC-Q2'], status: 'open', limit: 100, offset: 0 })),
      // The whole organisation's scores for the year, as the staff view asks them: with no answer
      // stored, what it takes is its service and Decision 766 figures, which read every item.
      scores: await medianMs(async () => {
        const r = await resolveScoreQuery(scoreDeps, null, { survey: 'sipas-2017', includeFlagged: false, by: [], from: '2025-01-01', to: '2025-12-31' });
        return computeScores(r.src, r.filter, r.covered, r.specs);
      }),
    };
  } finally {
    await database.destroy();
  }
}

export const feedbackBenchmark: Benchmark = {
  name: 'feedback',
  description: `feedback figures (a year by month) and the inbox's first page over ${ITEMS.toLocaleString('en')} items, median of ${RUNS}`,
  async run(log) {
    const items = syntheticItems();
    const figures: Record<string, number> = {};
    for (const dialect of process.env.SIPAS_TEST_PG ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
      const m = await measure(dialect, items);
      log(`${dialect.padEnd(8)} baseline: bare read of the columns ${String(m.baseline).padStart(7)} ms`);
      log(`${dialect.padEnd(8)} figures, all units, 12 months    ${String(m.figures).padStart(7)} ms   (${(m.figures / m.baseline).toFixed(2)} × baseline)`);
      log(`${dialect.padEnd(8)} CPU of this process: baseline ${m.baselineCpu} ms, figures ${m.figuresCpu} ms (${(m.figuresCpu / m.baselineCpu).toFixed(2)} ×)`);
      log(`${dialect.padEnd(8)} figures, one unit, 4 quarters    ${String(m.figuresOneUnit).padStart(7)} ms`);
      log(`${dialect.padEnd(8)} inbox, first 100 open of 3 units ${String(m.inbox).padStart(7)} ms`);
      log(`${dialect.padEnd(8)} scores' service and 766 figures ${String(m.scores).padStart(7)} ms   (${(m.scores / m.baseline).toFixed(2)} × baseline; the whole organisation's year)`);
      const p = dialect === 'sqlite' ? 'feedback' : 'feedback_pg';
      Object.assign(figures, { [`${p}_baseline_ms`]: m.baseline, [`${p}_figures_ms`]: m.figures, [`${p}_figures_one_unit_ms`]: m.figuresOneUnit, [`${p}_inbox_ms`]: m.inbox, [`${p}_scores_ms`]: m.scores, [`${p}_scores_vs_baseline_ratio`]: Number((m.scores / m.baseline).toFixed(2)), [`${p}_figures_vs_baseline_ratio`]: Number((m.figures / m.baseline).toFixed(2)) });
      Object.assign(figures, { [`${p}_baseline_cpu_ms`]: m.baselineCpu, [`${p}_figures_cpu_ms`]: m.figuresCpu, [`${p}_figures_vs_baseline_cpu_ratio`]: Number((m.figuresCpu / m.baselineCpu).toFixed(2)) });
    }
    return figures;
  },
};
