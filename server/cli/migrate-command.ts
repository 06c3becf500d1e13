import { migrateToLatest } from '../db/migrate';
import { withDatabase, type Command } from './command';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring the database schema up to date',
  usage: `npm run sipas -- migrate

Applies every migration not yet applied to the database named by DATABASE_URL
(default data/sipas.db). npm start does this too; run it by hand before a deploy.`,
  async run() {
    // boot() migrates; running again reports what, if anything, was left.
    await withDatabase(async ({ handle }) => {
      const applied = await migrateToLatest(handle.db, handle.dialect);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
    }, { seed: false });
    return 0;
  },
};
