// The baseline every scores figure is printed beside: one SQL pass over the raw answers,
// SUM(CASE …) per criterion with SQLite's JSON functions, no aggregate tables.
import type SqliteDatabase from 'better-sqlite3';
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';

export interface BaselineFilter {
  units?: string[];
  from?: string;
  to?: string;
}

/** Satisfied and valid answers per criterion, and the number of responses, in one query. */
export function sqlBaseline(sqlite: SqliteDatabase.Database, def: SurveyDefinition, f: BaselineFilter = {}) {
  const criteria = listCriteria(def);
  const extract = criteria.map((c, i) => `json_extract(answers, '$.${c.id}') AS c${i}`).join(', ');
  const sums = criteria
    .map((c, i) => {
      const scale = def.scales[c.scale]!;
      const satisfied = scale.satisfied.join(', ');
      const valid = scale.levels.map((l) => l.value).join(', ');
      return `SUM(CASE WHEN c${i} IN (${satisfied}) THEN 1 ELSE 0 END) AS s${i}, SUM(CASE WHEN c${i} IN (${valid}) THEN 1 ELSE 0 END) AS n${i}`;
    })
    .join(', ');
  const where = ['survey_id = ?', 'flagged = 0'];
  const params: string[] = [def.id];
  if (f.units) {
    where.push(`unit_code IN (${f.units.map(() => '?').join(', ')})`);
    params.push(...f.units);
  }
  if (f.from) {
    where.push('local_date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('local_date <= ?');
    params.push(f.to);
  }
  const row = sqlite.prepare(`SELECT COUNT(*) AS responses, ${sums} FROM (SELECT ${extract} FROM responses WHERE ${where.join(' AND ')})`).get(...params) as Record<string, number>;
  return {
    responses: row.responses!,
    criteria: criteria.map((c, i) => ({ id: c.id, satisfied: row[`s${i}`] ?? 0, n: row[`n${i}`] ?? 0 })),
  };
}
