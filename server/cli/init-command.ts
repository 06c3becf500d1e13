import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureFirstAdmin } from '../auth/user-admin';
import { countUnits } from '../repos/organisation';
import { countUsers } from '../repos/users';
import { importOrganisation } from '../organisation/import-organisation';
import { reportImport } from './org-command';
import { UsageError, withDatabase, type Command } from './command';

export const initCommand: Command = {
  name: 'init',
  summary: 'start an office on an empty database: its organisation from a workbook, the admin account',
  usage: `npm run sipas -- init --org FILE.xlsx

On a database without an organisation: stores the organisation from the workbook (as org
import does, refused whole when a row is wrong) and, when there is no staff account yet, creates
"admin" and prints its one-time password, once. No demo data. Get the workbook with
npm run sipas -- org template --out FILE.xlsx; then npm start serves the office.`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { org: { type: 'string' } }, strict: true });
    if (!values.org) throw new UsageError('init needs --org FILE.xlsx');
    const file = values.org;
    const bytes = readFileSync(file);
    return withDatabase(async ({ handle }) => {
      // Staff accounts may exist already (SIPAS_DEMO=0 npm start creates "admin"); units may not.
      if ((await countUnits(handle.db)) > 0) {
        console.error('the database has an organisation already: use npm run sipas -- org import to change it');
        return 1;
      }
      const now = new Date();
      const outcome = await importOrganisation(handle.db, bytes, basename(file), { dryRun: false, actor: 'cli', now });
      const code = reportImport(outcome, false);
      if (code !== 0) return code;
      if ((await countUnits(handle.db)) === 0) {
        console.error('the file holds no unit: fill in the "Đơn vị" sheet');
        return 1;
      }
      const password = await ensureFirstAdmin(handle.db, now);
      if (password) {
        console.log('created the staff account "admin" with this one-time password');
        console.log(`  ${password}`);
        console.log('it is shown only now; npm start, sign in at /staff and choose your own password');
      } else console.log(`${await countUsers(handle.db)} staff account(s) exist already; no new one was created`);
      return 0;
    }, { seed: false });
  },
};
