import { parseArgs } from 'node:util';
import { addUser, disableUser, resetPassword, ROLES, UserAdminError } from '../auth/user-admin';
import type { Role } from '../db/tables/users';
import { listUsers } from '../repos/users';
import { UsageError, withDatabase, type Command } from './command';

export const usersCommand: Command = {
  name: 'users',
  summary: 'add, list, disable staff accounts and reset their passwords',
  usage: `npm run sipas -- users add <username> --role admin|manager|viewer [--unit CODE] [--name "Full name"]
npm run sipas -- users list [--json]
npm run sipas -- users disable <username>
npm run sipas -- users reset-password <username>

add             creates the account and prints a one-time password, shown only once; the person
                chooses their own at first sign-in. Managers and viewers need --unit: they see
                that unit and the units below it (npm run sipas -- units lists the codes).
disable         blocks the account and ends its sessions at once.
reset-password  prints a new one-time password (and re-enables a disabled account).
Every change is written to the audit log.`,
  async run(argv) {
    const [action, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
    });
    const username = positionals[0];
    return withDatabase(async ({ handle }) => {
      const db = handle.db;
      const now = new Date();
      try {
        switch (action) {
          case 'add': {
            if (!username || !values.role) throw new UsageError('users add needs a username and --role');
            if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
            const { user, password } = await addUser(db, { username, role: values.role as Role, unit: values.unit, displayName: values.name }, 'cli', now);
            console.log(`created ${user.username} (${user.role}${user.unit_code ? `, unit ${user.unit_code}` : ''})`);
            console.log(`one-time password: ${password}`);
            return 0;
          }
          case 'list': {
            const users = await listUsers(db);
            if (values.json) {
              console.log(JSON.stringify(users.map((u) => ({ username: u.username, name: u.display_name, role: u.role, unit: u.unit_code, disabled: !!u.disabled }))));
            } else {
              for (const u of users) console.log(`${u.username.padEnd(20)} ${u.role.padEnd(8)} ${(u.unit_code ?? '(all)').padEnd(8)} ${u.disabled ? 'disabled' : 'active'}  ${u.display_name}`);
            }
            return 0;
          }
          case 'disable': {
            if (!username) throw new UsageError('users disable needs a username');
            await disableUser(db, username, 'cli', now);
            console.log(`disabled ${username}`);
            return 0;
          }
          case 'reset-password': {
            if (!username) throw new UsageError('users reset-password needs a username');
            console.log(`one-time password for ${username}: ${await resetPassword(db, username, 'cli', now)}`);
            return 0;
          }
          default:
            throw new UsageError(`unknown action "${action ?? ''}"`);
        }
      } catch (error) {
        if (!(error instanceof UserAdminError)) throw error;
        console.error(error.message);
        return 1;
      }
    }, { seed: false });
  },
};
