// `npm run sipas -- <command>`: the administrator's tools.
import { apiKeysCommand } from './cli/api-keys-command';
import { backupCommand } from './cli/backup-command';
import { UsageError, type Command } from './cli/command';
import { exportCommand } from './cli/export-command';
import { importCommand } from './cli/import-command';
import { initCommand } from './cli/init-command';
import { kioskCommand } from './cli/kiosk-command';
import { migrateCommand } from './cli/migrate-command';
import { orgCommand } from './cli/org-command';
import { scoresCommand } from './cli/scores-command';
import { seedCommand } from './cli/seed-command';
import { unitsCommand } from './cli/units-command';
import { usersCommand } from './cli/users-command';

const commands: Command[] = [migrateCommand, initCommand, seedCommand, orgCommand, usersCommand, apiKeysCommand, kioskCommand, backupCommand, unitsCommand, scoresCommand, importCommand, exportCommand];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: npm run sipas -- <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'npm run sipas -- <command> --help explains one command.',
    'DATABASE_URL picks the database as for npm start (default data/sipas.db).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
