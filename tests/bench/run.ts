// `npm run bench [-- --json]`: runs every benchmark in tests/bench/, each printing its figures
// beside a baseline measured in the same run. Benchmarks never fail on time. With --json the
// last line is one JSON object holding the figures of all of them.
import { benchmarks } from './index';

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const figures: Record<string, number> = {};
const log = json ? (line: string) => process.stderr.write(`${line}\n`) : (line: string) => console.log(line);

for (const bench of benchmarks) {
  if (only && !only.includes(bench.name)) continue;
  log(`\n## ${bench.name}: ${bench.description}`);
  const started = Date.now();
  Object.assign(figures, await bench.run(log));
  log(`(${bench.name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
if (json) console.log(JSON.stringify(figures));
