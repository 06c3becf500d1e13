import { parseArgs } from 'node:util';
import { readEnv } from '../env';
import { defaultSecretFile } from '../paths';
import { listOfficials, listProcedures, listUnits } from '../repos/organisation';
import { loadSecret } from '../secret';
import { seedDemoFeedback } from '../seed/demo-feedback';
import { seedDemoOrganisation } from '../seed/demo-organisation';
import { seedDemoResponses } from '../seed/demo-responses';
import { DEMO_SEED } from '../seed/synthetic-responses';
import { UsageError, withDatabase, type Command } from './command';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'create the demo organisation, optionally with synthetic responses',
  usage: `npm run sipas -- seed [--demo-responses N] [--seed S]

Creates the demo organisation (units, procedures, officials of the Đồng Đăng – Lạng Sơn
border-gate economic zone board) if the database has no units yet.

  --demo-responses N   also add N synthetic responses spread over the last 12 months,
                       through the normal write path (scores and counts stay consistent),
                       and one feedback item per 100 responses (at most 40)
  --seed S             which synthetic responses (default ${DEMO_SEED}); the same seed gives the
                       same responses, so running it again adds nothing`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'demo-responses': { type: 'string' }, seed: { type: 'string' } }, strict: true });
    const count = values['demo-responses'] === undefined ? 0 : Number(values['demo-responses']);
    if (!Number.isInteger(count) || count < 0 || count > 5_000_000) throw new UsageError('--demo-responses takes a whole number from 0 to 5000000');
    const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new UsageError('--seed takes a whole number');
    await withDatabase(async ({ handle, surveys }) => {
      const seeded = await seedDemoOrganisation(handle.db);
      console.log(seeded ? 'seeded the demo organisation' : 'the organisation exists already; left unchanged');
      if (count) {
        const now = new Date();
        const created = await seedDemoResponses(handle.db, surveys, count, now, seed);
        console.log(`added ${created} synthetic responses`);
        const org = { units: await listUnits(handle.db), procedures: await listProcedures(handle.db), officials: await listOfficials(handle.db) };
        const secret = loadSecret(readEnv().SIPAS_SECRET, defaultSecretFile);
        const items = await seedDemoFeedback(handle.db, secret, org, Math.min(40, Math.round(count / 100)), now, seed);
        console.log(`added ${items} feedback items`);
      }
    }, { seed: false });
    return 0;
  },
};
