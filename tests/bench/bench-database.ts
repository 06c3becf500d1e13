// The benchmarks' database of a million sipas-2017 responses, built once and cached under
// data/bench/ (keyed by a version string). Raw prepared statements, 50,000 responses per
// transaction; the tallies are filled with countIncrements and tallyTableRows, the very functions
// the write path uses, so they agree exactly with the responses.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { countableAnswers } from '../../survey-defs/check-answers';
import { boot } from '../../server/boot';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { listOfficials, listProcedures, listUnits } from '../../server/repos/organisation';
import { countIncrements, TALLY_COLUMNS, tallyTableRows, upsertSql, type TallyTable } from '../../server/repos/answer-counts';
import { dataDir } from '../../server/paths';
import { benchResponses, benchServiceData, type BenchResponse } from './bench-responses';

// v2: the cuts of the counts (answer_rollups, answer_rollups_monthly).
// v3: one tally row per cut key and period (answer_tallies, answer_tallies_monthly).
// v4: the one-stop system's dossier counts and a year of reports and complaints beside the answers
// (benchServiceData), which every scores call reads for its service and Decision 766 figures.
export const BENCH_VERSION = 'scores-v4';
export const BENCH_END = '2026-11-20';
const BATCH = 50_000;

/** The path of the cached database, building it first when it is missing. */
export async function benchDatabase(count: number, log: (line: string) => void): Promise<string> {
  const dir = join(dataDir, 'bench');
  const file = join(dir, `${BENCH_VERSION}-${count}.db`);
  if (existsSync(file)) {
    // Built by an earlier checkout: its schema is brought up to date, as a server's start would.
    const handle = openDatabase({ dialect: 'sqlite', file });
    const migrated = await migrateToLatest(handle.db, 'sqlite').finally(() => handle.close());
    log(`using the cached database ${file}${migrated.length ? ` (migrated: ${migrated.join(', ')})` : ''}`);
    return file;
  }
  mkdirSync(dir, { recursive: true });
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  const booted = await boot({ dialect: 'sqlite', file: building });
  const def = booted.surveys.get('sipas-2017')!;
  const org = { officials: await listOfficials(booted.handle.db), procedures: await listProcedures(booted.handle.db), units: await listUnits(booted.handle.db) };
  await booted.handle.close();

  const db = new SqliteDatabase(building);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // a fixture, rebuilt if lost
  const insert = db.prepare(`INSERT INTO responses (id, survey_id, survey_version, unit_code, procedure_code, official_code, channel, submitted_at, local_date, received_at, answers, content_hash, device_id, flagged, proof)
    VALUES (?, 'sipas-2017', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 'seed')`);
  // The write path's own one-row upsert of each table, with named parameters.
  const upserts = new Map<TallyTable, SqliteDatabase.Statement>();
  const upsert = (table: TallyTable) => {
    let statement = upserts.get(table);
    if (!statement) upserts.set(table, (statement = db.prepare(upsertSql(table, 1, false))));
    return statement;
  };
  const store = db.transaction((batch: BenchResponse[]) => {
    for (const r of batch) {
      const answers = JSON.stringify(r.answers);
      insert.run(r.id, r.unit, r.procedure, r.official, r.channel, r.submittedAt, r.localDate, r.submittedAt, answers, createHash('sha256').update(answers).digest('hex'), r.flagged ? 1 : 0);
    }
    const increments = countIncrements(batch.map((r) => ({ surveyId: 'sipas-2017', localDate: r.localDate, unitCode: r.unit, procedureCode: r.procedure, officialCode: r.official, channel: r.channel, flagged: r.flagged, verified: true, countedAnswers: countableAnswers(def, r.answers) })));
    for (const [table, rows] of tallyTableRows(increments)) {
      const statement = upsert(table);
      for (const row of rows) statement.run(...TALLY_COLUMNS.map((column) => row[column]));
    }
  });
  let batch: BenchResponse[] = [];
  let stored = 0;
  for (const r of benchResponses(def, org, count, BENCH_END)) {
    batch.push(r);
    if (batch.length === BATCH) {
      store(batch);
      stored += batch.length;
      batch = [];
      if (stored % 200_000 === 0) log(`  … ${stored.toLocaleString('en')} responses stored`);
    }
  }
  if (batch.length) store(batch);
  storeServiceData(db, org);
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, file);
  log(`built ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return file;
}

/** The same dossier counts and feedback items in every size: they follow the organisation and the year, not the answers. */
function storeServiceData(db: SqliteDatabase.Database, org: Parameters<typeof benchServiceData>[0]): void {
  const { dossierCounts, feedbackItems } = benchServiceData(org, BENCH_END);
  const dossier = db.prepare(`INSERT INTO dossier_counts (unit_code, procedure_code, return_date, dossiers, with_due, on_time, late, rated, dissatisfied, dissatisfied_not_late)
    VALUES (@unit_code, @procedure_code, @return_date, @dossiers, @with_due, @on_time, @late, @rated, @dissatisfied, @dissatisfied_not_late)`);
  const item = db.prepare(`INSERT INTO feedback_items (id, code_hash, content_hash, kind, channel, unit_code, procedure_code, text, status, received_at, local_date, due_date, answered_at, published_at, sender_rating, updated_at)
    VALUES (@id, @code_hash, @content_hash, @kind, @channel, @unit_code, @procedure_code, @text, @status, @received_at, @local_date, @due_date, @answered_at, @published_at, @sender_rating, @updated_at)`);
  // Their months as the write path keeps them (repos/dossier-counts.ts), summed from the days.
  const months = db.prepare(`INSERT INTO dossier_counts_monthly SELECT unit_code, procedure_code, substr(return_date, 1, 7) || '-01',
    sum(dossiers), sum(with_due), sum(on_time), sum(late), sum(rated), sum(dissatisfied), sum(dissatisfied_not_late) FROM dossier_counts GROUP BY 1, 2, 3`);
  db.transaction(() => {
    for (const row of dossierCounts) dossier.run(row);
    months.run();
    for (const row of feedbackItems) item.run(row);
  })();
}
