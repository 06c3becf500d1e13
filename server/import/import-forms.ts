// Paper forms from a table (CSV or workbook, read by read-table.ts), through the same write path as every other response (prepareResponse,
// then storeResponses in one transaction), so counts and scores stay consistent. Nothing is stored
// when a row is invalid, unless the caller chose to skip invalid rows.
import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { recordAudit } from '../repos/audit-log';
import { storeResponses, type PendingResponse } from '../repos/responses';
import { prepareResponse } from '../responses/prepare-response';
import { PROOFS } from '../responses/proof';
import { responseBody } from '../responses/response-body';
import type { SurveyRegistry } from '../surveys/survey-registry';
import type { CsvRecord } from './csv-parse';
import { formRows, readHeader, type RowIssue } from './form-rows';

export interface ImportOptions {
  skipInvalid: boolean;
  /** Check and count everything, store nothing. */
  dryRun?: boolean;
  now: Date;
  /** Who imports, for the audit log, and the file's name. */
  actor: string;
  source: string;
}

export interface ImportOutcome {
  /** Problems with the file as a whole (header, CSV syntax): nothing was imported. */
  fileProblems: string[];
  invalid: { line: number; issues: RowIssue[] }[];
  created: number;
  /** Forms already stored by an earlier import of the same rows. */
  alreadyStored: number;
  /** False when nothing was written because of invalid rows (or a dry run). */
  imported: boolean;
  /** The first forms' text answers as stored, so a person can see the letters came through. */
  textSample: { line: number; column: string; text: string }[];
}

const CHUNK = 500;
const SAMPLE = 3;
const COLUMN_OF: Record<string, string> = { submittedAt: 'submitted_at', surveyId: 'survey', surveyVersion: 'survey' };
const columnOf = (path: string) => (path.startsWith('answers.') ? path.slice('answers.'.length) : (COLUMN_OF[path] ?? path));

class RolledBack extends Error {}

export async function importForms(db: Kysely<Database>, surveys: SurveyRegistry, def: SurveyDefinition, records: readonly CsvRecord[], options: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { fileProblems: [], invalid: [], created: 0, alreadyStored: 0, imported: false, textSample: [] };
  if (!records.length) {
    outcome.fileProblems.push('the file is empty');
    return outcome;
  }
  const header = readHeader(def, records[0]!.cells);
  if (header.problems.length) {
    outcome.fileProblems.push(...header.problems.map((p) => `line ${records[0]!.line}: ${p}`));
    return outcome;
  }

  const ready: { line: number; response: PendingResponse }[] = [];
  const textQuestions = def.questions.filter((q) => q.type === 'text').map((q) => q.id);
  for (const row of formRows(def, header, records.slice(1))) {
    if (!row.body) {
      outcome.invalid.push({ line: row.line, issues: row.issues });
      continue;
    }
    const envelope = responseBody.safeParse(row.body);
    const prepared = envelope.success ? await prepareResponse({ db, surveys, now: options.now, proof: PROOFS.import }, envelope.data) : undefined;
    if (prepared?.ok) {
      ready.push({ line: row.line, response: prepared.response });
      for (const q of textQuestions) {
        const text = prepared.response.answers[q];
        if (typeof text === 'string' && outcome.textSample.length < SAMPLE) outcome.textSample.push({ line: row.line, column: q, text });
      }
    }
    else {
      const issues = prepared ? prepared.issues : envelope.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      outcome.invalid.push({ line: row.line, issues: issues.map((i) => ({ column: columnOf(i.path), message: i.message })) });
    }
  }
  if (outcome.invalid.length && !options.skipInvalid) return outcome;

  try {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < ready.length; i += CHUNK) {
        const chunk = ready.slice(i, i + CHUNK);
        const results = await storeResponses(trx, chunk.map((r) => r.response));
        results.forEach((result, k) => {
          if (result.status === 'created') outcome.created++;
          else if (result.status === 'replayed') outcome.alreadyStored++;
          else outcome.invalid.push({ line: chunk[k]!.line, issues: [{ column: 'id', message: 'this id is already used by a different response' }] });
        });
      }
      // A dry run goes all the way through, so it finds what a real import would (an id already
      // used by another response, forms already stored), then takes it all back.
      if ((outcome.invalid.length && !options.skipInvalid) || options.dryRun) throw new RolledBack();
      await recordAudit(trx, {
        actor: options.actor,
        action: 'responses.import',
        target: def.id,
        details: { source: options.source, created: outcome.created, alreadyStored: outcome.alreadyStored, skipped: outcome.invalid.length },
      }, options.now);
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    outcome.invalid.sort((a, b) => a.line - b.line);
    // A dry run keeps its counts: they are what an import would do.
    if (!options.dryRun || (outcome.invalid.length && !options.skipInvalid)) {
      outcome.created = 0;
      outcome.alreadyStored = 0;
    }
    return outcome;
  }
  outcome.invalid.sort((a, b) => a.line - b.line);
  outcome.imported = true;
  return outcome;
}
