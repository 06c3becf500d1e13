import { describe, expect, it } from 'vitest';
import { PLAN_EACH_TIME, StatementNames } from '../../server/db/prepared-statements';

// Which statements go to PostgreSQL as named prepared statements (server/db/prepared-statements.ts).
describe('statement names', () => {
  const limits = { mostNamed: 3, longestNamed: 40, mostWatched: 4 };

  it('names a text the second time it is seen, and keeps that name', () => {
    const names = new StatementNames(limits);
    expect(names.nameFor('select $1')).toBeUndefined();
    const name = names.nameFor('select $1');
    expect(name).toMatch(/^sipas_\d+$/);
    expect(names.nameFor('select $1')).toBe(name);
    names.nameFor('select $2');
    expect(names.nameFor('select $2')).not.toBe(name);
  });

  it('never names a long text, and names no more than the limit', () => {
    const names = new StatementNames(limits);
    const long = `insert into t values ${'($1), '.repeat(10)}`;
    for (let i = 0; i < 5; i++) expect(names.nameFor(long)).toBeUndefined();
    const texts = ['a $1', 'b $1', 'c $1', 'd $1'];
    for (const text of texts) names.nameFor(text);
    const given = texts.map((text) => names.nameFor(text));
    expect(given.slice(0, 3).every((n) => n !== undefined)).toBe(true);
    expect(given[3]).toBeUndefined();
    // Those named keep their names.
    expect(texts.map((text) => names.nameFor(text))).toEqual(given);
  });

  it('forgets texts seen once when too many one-off texts came', () => {
    const names = new StatementNames(limits);
    names.nameFor('kept $1');
    for (let i = 0; i < 4; i++) names.nameFor(`one-off ${i} $1`);
    // 'kept' was forgotten with the others: seen once more, it is not named yet.
    expect(names.nameFor('kept $1')).toBeUndefined();
    expect(names.nameFor('kept $1')).toBeDefined();
  });

  it('never names a statement that returns every column, which an added column would break', () => {
    const names = new StatementNames(limits);
    for (const text of ['select * from "t" where "id" = $1', 'select "t".* from "t" where "id" = $1', 'insert into t values ($1) returning *', 'select a, t.* from t where b = $1']) {
      for (let i = 0; i < 3; i++) expect(names.nameFor(text)).toBeUndefined();
    }
    // count(*) returns one column whatever the table holds.
    names.nameFor('select count(*) from t where a = $1');
    expect(names.nameFor('select count(*) from t where a = $1')).toBeDefined();
  });

  it('never names a statement that must be planned each time it is sent', () => {
    const names = new StatementNames({ ...limits, longestNamed: 1000 });
    const text = `${PLAN_EACH_TIME}select a from t where id in ($1, $2)`;
    for (let i = 0; i < 3; i++) expect(names.nameFor(text)).toBeUndefined();
  });

  it('gives a text a name never used before when its plan has gone stale', () => {
    const names = new StatementNames(limits);
    names.nameFor('select "a" from t where id = $1');
    const first = names.nameFor('select "a" from t where id = $1');
    names.renameNext('select "a" from t where id = $1');
    const second = names.nameFor('select "a" from t where id = $1');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    names.nameFor('other $1');
    expect([first, second]).not.toContain(names.nameFor('other $1'));
  });
});
