import { HttpError } from '../http-error';
import { roundReport } from '../scoring/round-figures';
import { computeScores } from '../scores/compute-scores';
import { resolveScoreQuery } from '../scores/score-query';
import { withDatabase, type Command } from './command';
import { filterUsage, parseFilterArgs } from './score-options';
import { scoreTable } from './score-table';

export const scoresCommand: Command = {
  name: 'scores',
  summary: 'print SIPAS indices for a questionnaire, unit and period',
  usage: `npm run -s sipas -- scores --survey ID [--unit CODE] [--from DATE] [--to DATE] [--json]

Prints the overall index, each element and each criterion with its 95% interval, mean and n,
computed from the aggregate counts (the same figures as the dashboard).

${filterUsage}
  --json               print one JSON object: { surveyId, responses, overall: { index, … },
                       elements: [ { id, index, n, … } ], criteria: [ { id, element, index, mean, n,
                       ci95: [low, high], smallSample, … } ], … } with indices in percent`,
  async run(argv) {
    const { query, values } = parseFilterArgs(argv, { json: { type: 'boolean' } });
    return withDatabase(async ({ handle, surveys }) => {
      try {
        const r = await resolveScoreQuery({ db: handle.db, reader: handle.reader, surveys }, null, query);
        const report = roundReport(await computeScores(r.src, r.filter, r.covered, r.specs));
        console.log(values.json ? JSON.stringify(report) : scoreTable(report, r.src.def).join('\n'));
        return 0;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        console.error(error.issues?.map((i) => i.message).join('\n') ?? error.message);
        return 1;
      }
    }, { seed: false });
  },
};
