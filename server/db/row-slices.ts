// Many rows per statement, as SQL text written by the caller rather than built with Kysely:
// building and compiling such statements as query nodes was once the largest share of the submit
// path's own CPU time (see tests/bench/NOTES.md). Used for the rows every batch and fold writes.
import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';

/** Rows per statement on SQLite: a few fixed sizes, so the same few statements are prepared once and reused. */
const SQLITE_SIZES = [128, 32, 8, 2, 1];
/** Rows per statement on PostgreSQL, where each statement is a round trip: as many as fit. */
const PG_ROWS = 1000;

export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The VALUES list of `rows` rows of `columns` placeholders each: `(?, ?), (?, ?)` or `($1, $2), ($3, $4)`. */
export function valuesList(columns: number, rows: number, postgres: boolean): string {
  let p = 0;
  const tuple = () => `(${Array.from({ length: columns }, () => (postgres ? `$${++p}` : '?')).join(', ')})`;
  return Array.from({ length: rows }, tuple).join(', ');
}

/** `rows` placeholders for one value each, for an IN list: `?, ?` or `$1, $2`. */
export function placeholders(rows: number, postgres: boolean): string {
  return Array.from({ length: rows }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}

/**
 * `columns`, checked to name every column of `Row`: a column added to the table but left out here
 * fails to compile (as Kysely's typed inserts did) instead of going unwritten.
 * Use: `everyColumn<NewRow>()(['a', 'b'])`.
 */
export function everyColumn<Row>() {
  return <const Columns extends readonly (keyof Row)[]>(columns: Columns & (Exclude<keyof Row, Columns[number]> extends never ? unknown : never)): Columns => columns;
}

const texts = new Map<string, string>();

/**
 * Runs `statement` over the rows in slices, in order, each slice's values passed column by column,
 * and answers the rows the statements return (a RETURNING clause, a select). `statement(rows,
 * postgres)` gives the text for a slice of that many rows; it is asked once per name, size and
 * dialect, and kept.
 */
export async function executeInSlices<Row, Returned = unknown>(
  trx: Kysely<any>,
  name: string,
  rows: readonly Row[],
  columns: readonly (keyof Row)[],
  statement: (rows: number, postgres: boolean) => string,
): Promise<Returned[]> {
  const postgres = isPostgres(trx);
  const returned: Returned[] = [];
  for (let i = 0; i < rows.length; ) {
    const left = rows.length - i;
    const size = postgres ? Math.min(left, PG_ROWS) : SQLITE_SIZES.find((s) => s <= left)!;
    const params: unknown[] = [];
    for (const row of rows.slice(i, i + size)) for (const column of columns) params.push(row[column]);
    const id = `${name} ${size} ${postgres}`;
    let text = texts.get(id);
    if (!text) texts.set(id, (text = statement(size, postgres)));
    const result = await trx.executeQuery<Returned>(CompiledQuery.raw(text, params));
    for (const row of result.rows) returned.push(row);
    i += size;
  }
  return returned;
}
