// Scores and exports over a million stored sipas-2017 responses, beside one SQL pass over the
// raw answers. Prints figures; never fails on time.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleServer } from '../../server/build-server';
import { openDatabase } from '../../server/db/open-database';
import { projectRoot, surveyDefsDir } from '../../server/paths';
import { readTallies } from '../../server/repos/score-counts';
import { scoreCard } from '../../server/scoring/score-card';
import { emptyTally } from '../../server/scoring/tally';
import { computeScores } from '../../server/scores/compute-scores';
import { resolveScoreQuery, type ScoreQuery } from '../../server/scores/score-query';
import { loadSurveyDefs } from '../../server/surveys/load-survey-defs';
import { SurveyRegistry } from '../../server/surveys/survey-registry';
import { benchDatabase } from './bench-database';
import type { Benchmark } from './index';
import { sqlBaseline } from './sql-baseline';

// SIPAS_BENCH_RESPONSES=100000 runs a quicker bench while working on it; the README quotes 1M.
const RESPONSES = Number(process.env.SIPAS_BENCH_RESPONSES ?? 1_000_000);
// Whole-organisation scores should stay flat as the responses grow: measured at 1/100, 1/10, 1×.
const SCALING = [Math.round(RESPONSES / 100), Math.round(RESPONSES / 10), RESPONSES];
const MONTH = { from: '2026-03-01', to: '2026-03-31' };
/** Filters and breakdowns that should be as quick as the whole organisation (`scores_<name>_ms`). */
const SHAPES: Record<string, Partial<ScoreQuery>> = {
  by_unit: { by: ['unit'] },
  by_official_quarter: { by: ['official'], from: '2026-01-01', to: '2026-03-31' },
  by_procedure: { by: ['procedure'] },
  by_channel: { by: ['channel'] },
  by_month_12: { by: ['month'], from: '2025-12-05', to: '2026-11-19' },
  by_day_month: { by: ['day'], ...MONTH },
  month_to_date: { from: '2026-11-01', to: '2026-11-19' },
  official: { official: 'CB-01' },
  procedure: { procedure: 'DT-01' },
  channel: { channel: 'kiosk' },
};

/** Median wall time of `runs` calls (after one warm-up call for the quick ones), in milliseconds. */
async function timed<T>(work: () => Promise<T> | T, runs = 3, warmUp = true): Promise<{ ms: number; firstMs: number; result: T }> {
  const first = performance.now();
  let result = warmUp ? await work() : (undefined as T);
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)]!, firstMs, result };
}

const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;

/** 10000 → '10k', 1000000 → '1m': names a figure after its number of responses. */
const sizeName = (n: number) => (n >= 1e6 ? `${n / 1e6}m` : n >= 1e3 ? `${n / 1e3}k` : String(n));

interface ChildExport {
  seconds: number;
  peakRssMb: number;
  idleRssMb: number;
  bytes: number;
}

/**
 * The export children, built as `npm start` builds the server (server/build-server.ts) and run on
 * plain node, so that their memory is the export's and not a TypeScript loader's. The folder is
 * named after this process, as start.mjs names a server's, so a start meanwhile leaves it alone.
 */
const CHILDREN_DIR = join(projectRoot, 'server', '.build', String(process.pid));
const CHILDREN = { 'export-child': 'tests/bench/export-child.ts', 'export-baseline-child': 'tests/bench/export-baseline-child.ts' };

/** Runs a built export child in its own process (so its peak RSS is its own) writing to a temporary file. */
async function exportChild(child: keyof typeof CHILDREN, args: string[], ext: string): Promise<ChildExport> {
  const out = join(tmpdir(), `sipas-bench-export.${ext}`);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(CHILDREN_DIR, `${child}.js`), ...args, out], { cwd: projectRoot, maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as ChildExport;
  } finally {
    rmSync(out, { force: true });
  }
}

/** The CSV export, its bare baseline and the XLSX export are each taken this many times, in turns (exportsInTurns). */
const EXPORT_ROUNDS = 3;

/** One export's figures over its runs: the median time, the highest peak RSS, each run's time. */
interface ExportRuns extends ChildExport {
  runsSeconds: number[];
}

function overRuns(runs: readonly ChildExport[]): ExportRuns {
  const bySeconds = [...runs].sort((a, b) => a.seconds - b.seconds);
  return {
    ...bySeconds[(bySeconds.length - 1) >> 1]!,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    runsSeconds: runs.map((r) => r.seconds),
  };
}

/**
 * The CSV export, its bare read-and-write and the XLSX export, taken in turns, EXPORT_ROUNDS
 * rounds, each round in the reverse order of the one before (so it starts with the one the round
 * before ended with). Each ratio then compares runs of the same moments: taken once each, one after
 * the other, the CSV's ratio to its baseline followed the machine's speed at each moment, 0.65 to
 * 1.62 × in full runs of the same code (tests/bench/NOTES.md, *The CSV export in turns*), and the
 * XLSX's ratio to the CSV compared one XLSX run with the CSV's median.
 */
async function exportsInTurns(file: string): Promise<{ csv: ExportRuns; bare: ExportRuns; xlsx: ExportRuns }> {
  const csv: ChildExport[] = [];
  const bare: ChildExport[] = [];
  const xlsx: ChildExport[] = [];
  const takes = [
    async () => csv.push(await exportChild('export-child', [file, 'csv'], 'csv')),
    async () => bare.push(await exportChild('export-baseline-child', [file], 'csv')),
    async () => xlsx.push(await exportChild('export-child', [file, 'xlsx'], 'xlsx')),
  ];
  for (let round = 0; round < EXPORT_ROUNDS; round++) {
    for (const take of round % 2 ? [...takes].reverse() : takes) await take();
  }
  return { csv: overRuns(csv), bare: overRuns(bare), xlsx: overRuns(xlsx) };
}

/**
 * The whole-organisation scores on each of the bench databases, the median of many calls taken in
 * turns (one call on each database, round after round), after a warm-up call on each: the first
 * figure a process takes pays for the JIT's warm-up (the million-response database gave 4.2 ms
 * first and 2.6 ms warm), and taking each size's calls together let the machine's load at that
 * moment weigh on one size only.
 */
async function orgScoresByFile(files: readonly string[], surveys: SurveyRegistry, rounds = 15): Promise<number[]> {
  const handles = files.map((file) => openDatabase({ dialect: 'sqlite', file }));
  try {
    const calls = handles.map((handle) => async () => {
      const r = await resolveScoreQuery({ db: handle.db, reader: handle.reader, surveys }, null, { survey: 'sipas-2017', includeFlagged: false, by: [] });
      return computeScores(r.src, r.filter, r.covered, r.specs);
    });
    for (const call of calls) await call();
    const times = calls.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      for (const [i, call] of calls.entries()) {
        const started = performance.now();
        await call();
        times[i]!.push(performance.now() - started);
      }
    }
    return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
  } finally {
    for (const handle of handles) await handle.close();
  }
}

export const scoresBenchmark: Benchmark = {
  name: 'scores',
  description: `SIPAS scores and exports over ${RESPONSES.toLocaleString('en')} stored sipas-2017 responses`,
  async run(log) {
    const file = await benchDatabase(RESPONSES, log);
    const handle = openDatabase({ dialect: 'sqlite', file });
    const surveys = new SurveyRegistry(loadSurveyDefs(surveyDefsDir));
    const def = surveys.get('sipas-2017')!;
    const deps = { db: handle.db, reader: handle.reader, surveys };
    const scores = async (q: Partial<ScoreQuery>) => {
      const r = await resolveScoreQuery(deps, null, { survey: def.id, includeFlagged: false, by: [], ...q });
      return computeScores(r.src, r.filter, r.covered, r.specs);
    };
    try {
      const org = await timed(() => scores({}));
      const unitMonth = await timed(() => scores({ unit: 'MC-Q1', ...MONTH }));
      const shapes: Record<string, number> = {};
      for (const [name, q] of Object.entries(SHAPES)) {
        const shape = await timed(() => scores(q));
        shapes[`scores_${name}_ms`] = Math.round(shape.ms);
        // The first call parses rows the ones after it find in the parse cache (repos/count-entries.ts).
        if (name === 'by_procedure') shapes.scores_by_procedure_first_ms = Math.round(shape.firstMs);
      }
      const dailyOnly = await timed(async () => scoreCard(def, (await readTallies(handle.db, { surveyId: def.id, units: null, includeFlagged: false, includeUnverified: false }, undefined, true)).groups.get('') ?? emptyTally()), 1, false);
      const baseline = await timed(() => sqlBaseline(handle.sqlite!, def), 1, false);
      const baselineUnitMonth = await timed(() => sqlBaseline(handle.sqlite!, def, { units: ['MC-Q1'], ...MONTH }), 3);

      const worst = Math.max(...baseline.result.criteria.map((b) => {
        const c = org.result.criteria.find((x) => x.id === b.id)!;
        return Math.abs((c.index ?? 0) - (100 * b.satisfied) / b.n) + Math.abs(c.n - b.n);
      }));
      log(`responses: ${org.result.responses.toLocaleString('en')} counted, ${org.result.flaggedResponses.toLocaleString('en')} flagged left out; SQL baseline counts ${baseline.result.responses.toLocaleString('en')}`);
      log(`aggregate counts agree with the raw answers: ${worst < 1e-9 && baseline.result.responses === org.result.responses ? 'yes' : `NO (largest difference ${worst})`}`);
      log(`full scores, whole organisation      ${ms(org.ms)}   (day counts only, no monthly roll-up: ${ms(dailyOnly.ms).trim()})`);
      log(`full scores, one unit, one month     ${ms(unitMonth.ms)}`);
      for (const [key, at] of Object.entries(shapes)) log(`full scores, ${key.slice('scores_'.length, -'_ms'.length).replaceAll('_', ' ').padEnd(22)} ${ms(at)}`);
      log(`baseline: one SQL pass SUM(CASE …)   ${ms(baseline.ms)}   (one unit, one month: ${ms(baselineUnitMonth.ms).trim()})`);

      await bundleServer(CHILDREN_DIR, CHILDREN);
      const { csv, bare, xlsx } = await exportsInTurns(file);
      const each = (runs: ExportRuns) => runs.runsSeconds.map((s) => s.toFixed(1)).join(', ');
      log(`CSV export of every response         ${csv.seconds.toFixed(1).padStart(7)} s   (median of ${each(csv)} s) peak RSS ${csv.peakRssMb.toFixed(0)} MB (idle process ${csv.idleRssMb.toFixed(0)} MB), ${(csv.bytes / 1e6).toFixed(0)} MB file`);
      log(`baseline: bare streamed read-and-write of the same rows, in turns with it ${bare.seconds.toFixed(1)} s   (median of ${each(bare)} s) peak RSS ${bare.peakRssMb.toFixed(0)} MB (idle ${bare.idleRssMb.toFixed(0)} MB), ${(bare.bytes / 1e6).toFixed(0)} MB file`);
      log(`CSV export / bare baseline: ${(csv.seconds / bare.seconds).toFixed(2)} × the time, ${(csv.peakRssMb / bare.peakRssMb).toFixed(2)} × the peak RSS`);
      log(`XLSX export (Chỉ số, 2 breakdowns, responses) ${xlsx.seconds.toFixed(1).padStart(5)} s   (median of ${each(xlsx)} s) peak RSS ${xlsx.peakRssMb.toFixed(0)} MB, ${(xlsx.bytes / 1e6).toFixed(0)} MB file`);
      log(`(beside the baseline SQL pass above: ${(baseline.ms / 1000).toFixed(1)} s)`);
      log(`XLSX export / CSV export: ${(xlsx.seconds / csv.seconds).toFixed(2)} × the time`);

      const files: string[] = [];
      for (const count of SCALING) files.push(await benchDatabase(count, log));
      const scaling: Record<string, number> = {};
      for (const [i, at] of (await orgScoresByFile(files, surveys)).entries()) {
        scaling[`scores_scaling_${sizeName(SCALING[i]!)}_ms`] = Number(at.toFixed(1));
        log(`full scores, whole organisation, ${SCALING[i]!.toLocaleString('en').padStart(9)} responses ${at.toFixed(1).padStart(7)} ms`);
      }
      const [smallest, , largest] = Object.values(scaling) as [number, number, number];
      log(`scores at ${sizeName(RESPONSES)} / at ${sizeName(SCALING[0]!)} responses: ${(largest / Math.max(smallest, 1)).toFixed(2)} ×`);
      return {
        scores_org_ms: Math.round(org.ms),
        scores_unit_month_ms: Math.round(unitMonth.ms),
        ...shapes,
        scores_sql_baseline_ms: Math.round(baseline.ms),
        export_csv_s: Number(csv.seconds.toFixed(2)),
        export_csv_rss_mb: Math.round(csv.peakRssMb),
        export_xlsx_s: Number(xlsx.seconds.toFixed(2)),
        export_xlsx_rss_mb: Math.round(xlsx.peakRssMb),
        scores_org_vs_sql_baseline_ratio: Number((org.ms / baseline.ms).toFixed(3)),
        export_xlsx_vs_csv_ratio: Number((xlsx.seconds / csv.seconds).toFixed(2)),
        ...scaling,
        scores_scaling_ratio: Number((largest / Math.max(smallest, 1)).toFixed(2)),
        export_csv_baseline_s: Number(bare.seconds.toFixed(2)),
        export_csv_baseline_rss_mb: Math.round(bare.peakRssMb),
        export_csv_vs_baseline_ratio: Number((csv.seconds / bare.seconds).toFixed(2)),
      };
    } finally {
      await handle.close();
      rmSync(CHILDREN_DIR, { recursive: true, force: true });
    }
  },
};
