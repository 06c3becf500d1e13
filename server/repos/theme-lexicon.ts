// The theme lexicon in force: one row, seeded from the shipped file, replaced by admins. Every app
// server reads it from the database, so an edit on one is used by all at their next batch.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { ThemeLexicon } from '../themes/lexicon-schema';
import { shippedLexicon } from '../themes/shipped-lexicon';
import { compileLexicon, type CompiledLexicon } from '../themes/tag-text';

export interface StoredLexicon {
  lexicon: ThemeLexicon;
  /** 0 for the shipped lexicon not yet stored. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string;
}

const LEXICON_ID = 1;

export async function readLexicon(db: Kysely<Database>): Promise<StoredLexicon> {
  const row = await db.selectFrom('theme_lexicon').selectAll().where('id', '=', LEXICON_ID).executeTakeFirst();
  if (!row) return { lexicon: shippedLexicon(), revision: 0, updatedAt: null, updatedBy: 'system' };
  return { lexicon: JSON.parse(row.body) as ThemeLexicon, revision: Number(row.revision), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Stores the shipped lexicon unless one is stored; returns whether it did. */
export async function seedLexicon(db: Kysely<Database>, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('theme_lexicon')
    .values({ id: LEXICON_ID, body: JSON.stringify(shippedLexicon()), revision: 1, updated_at: now.toISOString(), updated_by: 'system' })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

/** Replaces the lexicon (already checked) and returns its new revision. */
export async function saveLexicon(db: Kysely<Database>, lexicon: ThemeLexicon, by: string, now: Date): Promise<number> {
  await seedLexicon(db, now);
  const row = await db
    .updateTable('theme_lexicon')
    .set((eb) => ({ body: JSON.stringify(lexicon), revision: eb('revision', '+', 1), updated_at: now.toISOString(), updated_by: by }))
    .where('id', '=', LEXICON_ID)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

// Compiled once per lexicon body: a batch re-reads the small row, not the compiled index.
let cache: { body: string; compiled: CompiledLexicon } | undefined;

/** The lexicon in force, compiled for tagging. */
export async function currentCompiledLexicon(db: Kysely<Database>): Promise<CompiledLexicon> {
  const row = await db.selectFrom('theme_lexicon').select('body').where('id', '=', LEXICON_ID).executeTakeFirst();
  const body = row?.body ?? JSON.stringify(shippedLexicon());
  if (cache?.body !== body) cache = { body, compiled: compileLexicon(JSON.parse(body) as ThemeLexicon) };
  return cache.compiled;
}
