// The filter options the scores and export commands share, checked with the API's own schema.
import { parseArgs } from 'node:util';
import { toIssues } from '../validate';
import { scoreQuery, type ScoreQuery } from '../scores/score-query';
import { UsageError } from './command';

export const filterOptions = {
  survey: { type: 'string' },
  unit: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  procedure: { type: 'string' },
  official: { type: 'string' },
  channel: { type: 'string' },
  'include-flagged': { type: 'boolean' },
  'include-unverified': { type: 'boolean' },
  by: { type: 'string' },
} as const;

export const filterUsage = `  --survey ID          the questionnaire (sipas-2017, counter-quick …); required
  --unit CODE          one unit with its sub-units (npm run sipas -- units lists the codes)
  --from DATE          first Vietnam date (YYYY-MM-DD), inclusive
  --to DATE            last Vietnam date, inclusive
  --procedure CODE     one procedure
  --official CODE      one official (figures under 5 responses are withheld)
  --channel NAME       kiosk, qr, web or paper
  --include-flagged    count responses flagged as repeated kiosk taps too
  --include-unverified count open-link (web) answers and rows whose channel had no proof too`;

export function parseFilterArgs<O extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], more: O) {
  const { values, positionals } = parseArgs({ args: argv, options: { ...filterOptions, ...more }, strict: true, allowPositionals: true });
  const v = values as Record<string, string | boolean | undefined>;
  if (!v.survey) throw new UsageError('--survey is required');
  const parsed = scoreQuery.safeParse({
    survey: v.survey,
    ...(['unit', 'from', 'to', 'procedure', 'official', 'channel', 'by'] as const).reduce((o, k) => (v[k] === undefined ? o : { ...o, [k]: v[k] }), {}),
    includeFlagged: v['include-flagged'] ? '1' : '0',
    includeUnverified: v['include-unverified'] ? '1' : '0',
  });
  if (!parsed.success) throw new UsageError(toIssues(parsed.error).map((i) => `--${i.path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('\n'));
  return { query: parsed.data as ScoreQuery, values: v, positionals };
}
