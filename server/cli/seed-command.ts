import { parseArgs } from 'node:util';
import { seedDemoOrganisation } from '../seed/demo-organisation';
import { seedDemoResponses } from '../seed/demo-responses';
import { UsageError, withDatabase, type Command } from './command';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'create the demo organisation, optionally with synthetic responses',
  usage: `npm run sipas -- seed [--demo-responses N]

Creates the demo organisation (units, procedures, officials of the Đồng Đăng – Lạng Sơn
border-gate economic zone board) if the database has no units yet.

  --demo-responses N   also add N synthetic responses spread over the last 12 months,
                       through the normal write path (scores and counts stay consistent)`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'demo-responses': { type: 'string' } }, strict: true });
    const count = values['demo-responses'] === undefined ? 0 : Number(values['demo-responses']);
    if (!Number.isInteger(count) || count < 0 || count > 5_000_000) throw new UsageError('--demo-responses takes a whole number from 0 to 5000000');
    await withDatabase(async ({ handle, surveys }) => {
      const seeded = await seedDemoOrganisation(handle.db);
      console.log(seeded ? 'seeded the demo organisation' : 'the organisation exists already; left unchanged');
      if (count) {
        const created = await seedDemoResponses(handle.db, surveys, count);
        console.log(`added ${created} synthetic responses`);
      }
    }, { seed: false });
    return 0;
  },
};
