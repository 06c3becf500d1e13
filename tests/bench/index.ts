// The benchmarks `npm run bench` runs, in order. Each prints readable lines through `log` and
// returns its figures (numbers only) for `npm run bench -- --json`.
import { scoresBenchmark } from './scores.bench';

export interface Benchmark {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<Record<string, number>>;
}

export const benchmarks: Benchmark[] = [scoresBenchmark];
