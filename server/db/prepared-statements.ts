// PostgreSQL parses, analyses and plans every statement sent without a name, every time. The
// statements of the submit path and the fold repeat thousands of times a minute with only their
// values changed: that work was about a quarter of PostgreSQL's CPU under the submit benchmark
// (perf, tests/bench/NOTES.md). A statement seen again is sent as a named prepared statement
// instead: pg parses it once per connection, and PostgreSQL keeps its plan (a generic plan once
// it is known to cost no more than the custom ones).
import type pg from 'pg';

export interface NamingLimits {
  /** Distinct statements given a name, at most: each is kept, with its plan, by every connection. */
  mostNamed: number;
  /** Longer texts (a many-row insert of a large fold) are rarely repeated, and their plans are large. */
  longestNamed: number;
  /** Texts seen once, remembered at most: one-off statements (an IN list of any length) are many. */
  mostWatched: number;
}

const LIMITS: NamingLimits = { mostNamed: 200, longestNamed: 20_000, mostWatched: 2_000 };

/**
 * Begins a statement that PostgreSQL must plan each time it is sent, so it is never given a name.
 * A kept plan is made for the tables as they were: an IN list of keys on a table of a few dozen
 * rows is planned as a read of the whole table, and PostgreSQL kept reading the whole table for
 * it as the table grew to thousands of rows. Nothing makes it plan again but an ANALYZE, and with
 * autovacuum off none comes (tests/bench/NOTES.md). Planning such a statement costs a fraction of
 * a millisecond; a read of the grown table, far more.
 */
export const PLAN_EACH_TIME = '/* planned each time */ ';

/**
 * `select *`, `t.*`, `returning *`: a prepared plan keeps the columns the table had, and
 * PostgreSQL refuses it once another server's migration has added one ("cached plan must not
 * change result type"), failing the transaction it ran in. Such statements go unnamed. (A bare
 * `*` of a product is caught too, and only goes unnamed.)
 */
const EVERY_COLUMN = /(^|[\s,])("[^"]*"\.|\w+\.)?\*(\s|,|$)/;

/** Which statement texts are sent under a name, and which name: shared by the connections of one pool. */
export class StatementNames {
  private readonly named = new Map<string, string>();
  private seenOnce = new Set<string>();
  private given = 0;

  constructor(private readonly limits: NamingLimits = LIMITS) {}

  /** The name to send `text` under, or undefined to send it unnamed (the first time it is seen, or past the limits). */
  nameFor(text: string): string | undefined {
    const name = this.named.get(text);
    if (name !== undefined || text.length > this.limits.longestNamed || this.named.size >= this.limits.mostNamed || EVERY_COLUMN.test(text) || text.startsWith(PLAN_EACH_TIME)) return name;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= this.limits.mostWatched) this.seenOnce = new Set();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    const fresh = `sipas_${++this.given}`;
    this.named.set(text, fresh);
    return fresh;
  }

  /**
   * The statement's plan no longer fits its tables (another server's migration changed the type
   * of a column it returns): the next use prepares it again, under a name no connection has used
   * yet, since each connection keeps the old one.
   */
  renameNext(text: string): void {
    const name = this.named.get(text);
    if (name === undefined) return;
    this.named.set(text, `sipas_${++this.given}`);
  }
}

/** PostgreSQL's `feature_not_supported`, which it answers for "cached plan must not change result type". */
const STALE_PLAN = '0A000';

/**
 * pg's Client, sending each parameterised statement seen before under its name (the same text
 * has the same name on every connection of the pool, prepared on each at first use). Statements
 * without values (`begin`, `commit`) go as simple queries, as before.
 */
export function namingClient(driver: typeof pg, names: StatementNames): typeof pg.Client {
  return class NamingClient extends driver.Client {
    // pg's query has a dozen overloads; Kysely's driver calls only query(text, values) and awaits it.
    override query(...args: unknown[]): any {
      const [text, values] = args;
      const query = super.query as (...a: unknown[]) => Promise<unknown>;
      const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2 ? names.nameFor(text) : undefined;
      if (name === undefined) return query.apply(this, args);
      return query.call(this, { name, text, values }).catch((error: unknown) => {
        if ((error as { code?: string }).code !== STALE_PLAN) throw error;
        names.renameNext(text as string);
        // Outside a transaction nothing was undone: send it again, prepared afresh. Inside one,
        // the transaction has failed and its owner retries it (the writer, the fold, the next read).
        if (this.getTransactionStatus() !== 'I') throw error;
        return query.call(this, { name: names.nameFor(text as string), text, values });
      });
    }
  };
}
