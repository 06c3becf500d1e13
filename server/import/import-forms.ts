// Paper forms from a CSV, through the same write path as every other response (prepareResponse,
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
import { parseCsv } from './csv-parse';
import { formRows, readHeader, type RowIssue } from './form-rows';

export interface ImportOptions {
  skipInvalid: boolean;
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
  /** False when nothing was written because of invalid rows. */
  imported: boolean;
}

const CHUNK = 500;
const COLUMN_OF: Record<string, string> = { submittedAt: 'submitted_at', surveyId: 'survey', surveyVersion: 'survey' };
const columnOf = (path: string) => (path.startsWith('answers.') ? path.slice('answers.'.length) : (COLUMN_OF[path] ?? path));

class RolledBack extends Error {}

export async function importForms(db: Kysely<Database>, surveys: SurveyRegistry, def: SurveyDefinition, text: string, options: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { fileProblems: [], invalid: [], created: 0, alreadyStored: 0, imported: false };
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    outcome.fileProblems.push((error as Error).message);
    return outcome;
  }
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
  for (const row of formRows(def, header, records.slice(1))) {
    if (!row.body) {
      outcome.invalid.push({ line: row.line, issues: row.issues });
      continue;
    }
    const envelope = responseBody.safeParse(row.body);
    const prepared = envelope.success ? await prepareResponse({ db, surveys, now: options.now, proof: PROOFS.import }, envelope.data) : undefined;
    if (prepared?.ok) ready.push({ line: row.line, response: prepared.response });
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
      if (outcome.invalid.length && !options.skipInvalid) throw new RolledBack();
      await recordAudit(trx, {
        actor: options.actor,
        action: 'responses.import',
        target: def.id,
        details: { source: options.source, created: outcome.created, alreadyStored: outcome.alreadyStored, skipped: outcome.invalid.length },
      }, options.now);
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    outcome.created = 0;
    outcome.alreadyStored = 0;
    outcome.invalid.sort((a, b) => a.line - b.line);
    return outcome;
  }
  outcome.invalid.sort((a, b) => a.line - b.line);
  outcome.imported = true;
  return outcome;
}
