// The benchmarks `npm run bench` runs, in order. Each prints readable lines through `log` and
// returns its figures (numbers only) for `npm run bench -- --json`.
import { feedbackBenchmark } from './feedback.bench';
import { invitationsBenchmark } from './invitations.bench';
import { pageWeightBenchmark } from './page-weight.bench';
import { scoresBenchmark } from './scores.bench';
import { staffDashboardBenchmark } from './staff-dashboard.bench';
import { submitBenchmark } from './submit.bench';
import { themesBenchmark } from './themes.bench';

export interface Benchmark {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<Record<string, number>>;
}

export const benchmarks: Benchmark[] = [submitBenchmark, invitationsBenchmark, feedbackBenchmark, pageWeightBenchmark, staffDashboardBenchmark, scoresBenchmark, themesBenchmark];
