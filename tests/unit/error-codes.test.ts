// The error codes the server can send are all named in server/openapi/error-codes.ts and declared
// by the operations that send them, so the pages' strings (page-error-strings.test.ts) cover them.
// The codes are found by reading the server's source, so a code added later is caught here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVITATION_REFUSALS } from '../../server/invitations/invited-response';
import { ERROR_CODES, ISSUE_CODES } from '../../server/openapi/error-codes';
import { allErrors } from '../../server/openapi/operation';
import { operations } from '../../server/openapi/operations';

const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8'));
const server = sources('server').join('\n');
const all = (text: string, pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((m) => m[1]!))].sort();

/** Codes app.onError and the page routes give any request, whatever its route. */
const ANY_ROUTE = ['internal', 'shutting_down', 'not_found', 'bad_request', 'invalid_json', 'pages_not_built'];

describe('the error codes the server sends', () => {
  const thrown = [
    ...all(server, /HttpError\(\s*\d{3},\s*'([a-z_]+)'/g),
    ...all(server, /errorBody\('([a-z_]+)'/g),
    // Refusals made while storing a response, thrown by answerOutcome with their own code.
    ...Object.values(INVITATION_REFUSALS),
  ];

  it('are found in the source (the scan still works)', () => {
    expect(thrown).toEqual(expect.arrayContaining(['not_signed_in', 'unknown_invitation', 'invitation_used', 'device_scope', 'reply_required']));
  });

  it('each have a meaning in ERROR_CODES', () => {
    expect(thrown.filter((c) => !(c in ERROR_CODES)), 'add them to server/openapi/error-codes.ts').toEqual([]);
  });

  it('each are declared by an operation that can send them', () => {
    const declared = new Set(operations.flatMap((op) => Object.values(allErrors(op)).flat()));
    const undeclared = thrown.filter((c) => !declared.has(c as never) && !ANY_ROUTE.includes(c) && ERROR_CODES[c as keyof typeof ERROR_CODES] !== undefined);
    expect(undeclared, 'list them in `errors` of the operations in server/openapi/operations/').toEqual([]);
  });

  it('name issues only with codes the pages know', () => {
    const text = [server, ...sources('survey-defs')].join('\n');
    const issues = [...all(text, /\bcode: '([a-z_]+)'/g), ...all(text, /issue: \['([a-z_]+)'/g)];
    expect(issues.length).toBeGreaterThan(10);
    expect(issues.filter((c) => !(ISSUE_CODES as readonly string[]).includes(c) && !(c in ERROR_CODES))).toEqual([]);
  });
});
