import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database';
import { countUnits, insertOrganisation, type Organisation } from '../repos/organisation';
import { dataDir } from '../paths';

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/);
const organisationFile = z.object({
  about: z.string().optional(),
  units: z.array(z.object({ code, parent_code: code.nullable(), kind: z.string(), sort_order: z.number().int(), name_vi: z.string().min(1), name_en: z.string().min(1) })).min(1),
  procedures: z.array(z.object({ code, unit_code: code, field_vi: z.string(), field_en: z.string(), name_vi: z.string().min(1), name_en: z.string().min(1), handling_days: z.number().int().min(0).nullable().optional() })),
  officials: z.array(z.object({ code, unit_code: code, full_name: z.string().min(1) })),
});

export function readOrganisationFile(path = join(dataDir, 'demo-organisation.json')): Organisation {
  const parsed = organisationFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { units, procedures, officials } = parsed.data;
  return { units, procedures, officials: officials.map((o) => ({ ...o, active: 1 })) };
}

/**
 * Seeds the demo organisation when the database has no units yet; returns whether it did. The
 * demo publishes its first top unit's results at /ket-qua, as the seed plan commits to.
 */
export async function seedDemoOrganisation(db: Kysely<Database>, org = readOrganisationFile(), now = new Date()): Promise<boolean> {
  if ((await countUnits(db)) > 0) return false;
  await insertOrganisation(db, org);
  // Only the first top unit (the board): the commune centre beside it has no demo answers to show.
  const tops = org.units.filter((u) => u.parent_code === null).slice(0, 1).map((u) => ({ unit_code: u.code, published_by: 'seed', published_at: now.toISOString() }));
  if (tops.length) await db.insertInto('result_publications').values(tops).execute();
  return true;
}
