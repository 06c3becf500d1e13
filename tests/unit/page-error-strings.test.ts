// Every error a page can receive has words in each of the page's languages. The codes come from
// the operations the page's own code calls (tests/helpers/page-calls.ts) and what the OpenAPI
// entries say those can answer; tests/unit/error-codes.test.ts keeps those entries honest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../server/openapi/error-codes';
import { allErrors, type Operation } from '../../server/openapi/operation';
import { operations } from '../../server/openapi/operations';
import { operationsCalledBy } from '../helpers/page-calls';

type Tree = { [key: string]: string | Tree };
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;
const lookup = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);

/** Codes any request can meet, whatever the route: a bug, a restart, a proxy's 404. */
const ANY_ROUTE = ['internal', 'shutting_down', 'not_found'];

const PAGES = [
  { page: 'kiosk', entry: 'kiosk/src/kiosk/main.tsx', locales: 'kiosk/locales' },
  { page: 'phone', entry: 'kiosk/src/phone/main.tsx', locales: 'kiosk/locales' },
  { page: 'feedback', entry: 'kiosk/src/feedback/main.tsx', locales: 'kiosk/locales' },
  { page: 'staff', entry: 'kiosk/src/staff/main.tsx', locales: 'kiosk/locales/staff' },
];

/** Top-level fields of a request part that can be named in an issue. */
function fieldsOf(op: Operation): string[] {
  const keys = (schema: unknown) => (schema && typeof schema === 'object' && 'shape' in schema ? Object.keys((schema as { shape: object }).shape) : []);
  return [...keys(op.params), ...keys(op.query), ...keys(op.body)];
}

describe('error strings of the pages', () => {
  for (const { page, entry, locales } of PAGES) {
    const called = operationsCalledBy(entry, operations);
    const codes = [...new Set([...ANY_ROUTE, ...called.flatMap((op) => Object.values(allErrors(op)).flat() as string[])])].sort();
    const fields = [...new Set(called.flatMap(fieldsOf))].sort();

    it(`the ${page} page calls the API (so the scan sees its calls)`, () => {
      expect(called.length).toBeGreaterThan(0);
    });

    for (const lang of ['vi', 'en']) {
      it(`the ${page} page has ${lang} words for every error code, issue and field it can receive`, () => {
        const strings = load(`${locales}/${lang}.json`);
        const missing = [
          ...codes.map((c) => `errors.codes.${c}`),
          ...ISSUE_CODES.map((c) => `errors.issues.${c}`),
          ...fields.map((f) => `errors.fields.${f}`),
          'errors.network', 'errors.unknown',
        ].filter((key) => typeof lookup(strings, key) !== 'string');
        expect(missing, `${locales}/${lang}.json`).toEqual([]);
      });
    }
  }

  it('finds the calls a page makes, through plain addresses and the typed client', () => {
    const phone = operationsCalledBy('kiosk/src/phone/main.tsx', operations).map((o) => `${o.method} ${o.path}`);
    expect(phone).toEqual(expect.arrayContaining(['post /api/invitation-codes', 'post /api/invitation-tokens/{token}/responses', 'get /api/surveys/{id}']));
    const staff = operationsCalledBy('kiosk/src/staff/main.tsx', operations).map((o) => `${o.method} ${o.path}`);
    expect(staff).toEqual(expect.arrayContaining(['post /api/staff/password', 'put /api/feedback/items/{id}/reply', 'patch /api/kiosk-devices/{id}']));
  });
});
