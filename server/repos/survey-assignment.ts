// Reading and writing the questionnaire settings of units (server/surveys/survey-assignment.ts
// has the rule of precedence).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { partsColumn, storedAssignment, type SurveyAssignment } from '../surveys/survey-assignment';

/** A unit's inherited setting (its own or the nearest above); null when none up the tree sets one. */
export async function unitSurveyAssignment(db: Kysely<Database>, code: string): Promise<SurveyAssignment | null> {
  const row = await db
    .withRecursive('up(code, parent_code, survey_id, survey_parts, depth)', (qb) =>
      qb
        .selectFrom('units')
        .select(['code', 'parent_code', 'survey_id', 'survey_parts', sql<number>`0`.as('depth')])
        .where('code', '=', code)
        .unionAll((q) =>
          q
            .selectFrom('units')
            .innerJoin('up', 'up.parent_code', 'units.code')
            .select(['units.code', 'units.parent_code', 'units.survey_id', 'units.survey_parts', sql<number>`up.depth + 1`.as('depth')])
            .where('up.depth', '<', 64),
        ),
    )
    .selectFrom('up')
    .select(['survey_id', 'survey_parts'])
    .where('survey_id', 'is not', null)
    .orderBy('depth')
    .limit(1)
    .executeTakeFirst();
  return row ? storedAssignment(row) : null;
}

/** Sets (or with null clears) a unit's own setting. */
export async function setUnitSurveyAssignment(db: Kysely<Database>, code: string, assignment: SurveyAssignment | null): Promise<void> {
  await db
    .updateTable('units')
    .set({ survey_id: assignment?.surveyId ?? null, survey_parts: assignment ? partsColumn(assignment.parts) : null })
    .where('code', '=', code)
    .execute();
}
