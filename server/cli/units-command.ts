import { parseArgs } from 'node:util';
import { listUnits } from '../repos/organisation';
import { withDatabase, type Command } from './command';

export const unitsCommand: Command = {
  name: 'units',
  summary: 'list the units (codes for CSV imports and --unit filters)',
  usage: `npm run sipas -- units [--json]

Lists the organisation's units as a tree: code and Vietnamese name. With --json, prints
[ { "code", "name", "parent" } ] (parent is the parent's code, null at the top).`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
    const units = await withDatabase(async ({ handle }) => listUnits(handle.db), { seed: false });
    if (values.json) {
      console.log(JSON.stringify(units.map((u) => ({ code: u.code, name: u.name_vi, parent: u.parent_code }))));
      return 0;
    }
    const print = (parent: string | null, depth: number) => {
      for (const u of units.filter((x) => x.parent_code === parent)) {
        console.log(`${'  '.repeat(depth)}${u.code.padEnd(12 - 2 * Math.min(depth, 5))}  ${u.name_vi}`);
        print(u.code, depth + 1);
      }
    };
    print(null, 0);
    return 0;
  },
};
