// `npm test`: the type check, then every Vitest project (unit, http, e2e). Ends with one line
// "N passed, N failed" counting every test of every suite, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, '.vitest-results.json');
const extra = process.argv.slice(2);

const typecheck = spawnSync('npx', ['tsc', '--noEmit'], { cwd: root, stdio: 'inherit' });
const typecheckPassed = typecheck.status === 0;
console.log(typecheckPassed ? 'typecheck: passed' : 'typecheck: FAILED');

rmSync(results, { force: true });
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
});

let passed = typecheckPassed ? 1 : 0;
let failed = typecheckPassed ? 0 : 1;
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no tests to count; count it as a failure so it is not hidden.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed += 1;
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
