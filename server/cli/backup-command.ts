import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '../paths';
import { withDatabase, type Command } from './command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the SQLite database while the server keeps running',
  usage: `npm run sipas -- backup [--to FILE]

Writes a consistent copy of the SQLite database with SQLite's online backup API, while the
server keeps taking responses. Default FILE: data/backups/sipas-<UTC date and time>.db.
Restore by stopping the server and copying the file back to data/sipas.db (or pointing
DATABASE_URL=sqlite:FILE at it).

For PostgreSQL use its own tools, e.g.
  pg_dump --format=custom --file=sipas.dump "$DATABASE_URL"
  pg_restore --clean --dbname="$DATABASE_URL" sipas.dump`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { to: { type: 'string' } }, strict: true });
    return withDatabase(async ({ handle }) => {
      if (!handle.sqlite) {
        console.error('this database is PostgreSQL: back it up with pg_dump (see npm run sipas -- backup --help)');
        return 2;
      }
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
      const target = values.to ?? join(dataDir, 'backups', `sipas-${stamp}.db`);
      mkdirSync(dirname(target), { recursive: true });
      const { totalPages } = await handle.sqlite.backup(target);
      console.log(`backed up ${totalPages} pages to ${target}`);
      return 0;
    }, { seed: false });
  },
};
