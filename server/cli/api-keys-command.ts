import { parseArgs } from 'node:util';
import { addApiKey, ApiKeyAdminError, revokeApiKey } from '../auth/api-key-admin';
import { listApiKeys, toApiKeyView } from '../repos/api-keys';
import { UsageError, withDatabase, type Command } from './command';

export const apiKeysCommand: Command = {
  name: 'api-keys',
  summary: 'issue, list and revoke the API keys of one-stop systems that create QR invitations',
  usage: `npm run sipas -- api-keys add "<name>" --unit CODE [--unit CODE …]
npm run sipas -- api-keys list [--json]
npm run sipas -- api-keys revoke <id or prefix>

add     prints a new key, shown only this once (only its hash is stored). The system sends it as
        "Authorization: Bearer <key>" to POST /api/invitations, and may invite only for the
        given units and the units below them.
list    shows every key: prefix, name, units, when it was made and revoked.
revoke  stops a key at once (give its id, or the prefix shown by list).
Every change is written to the audit log.`,
  async run(argv) {
    const [action, ...rest] = argv;
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { unit: { type: 'string', multiple: true }, json: { type: 'boolean' } } });
    return withDatabase(async ({ handle }) => {
      const db = handle.db;
      try {
        switch (action) {
          case 'add': {
            const name = positionals[0];
            if (!name || !values.unit?.length) throw new UsageError('api-keys add needs a name and at least one --unit');
            const { row, key } = await addApiKey(db, { name, units: values.unit }, 'cli', new Date());
            console.log(`created the key ${row.key_prefix}… "${row.name}" for ${values.unit.join(', ')}`);
            console.log(`key: ${key}`);
            console.log('it is shown only now: give it to the system that will use it');
            return 0;
          }
          case 'list': {
            const keys = (await listApiKeys(db)).map(toApiKeyView);
            if (values.json) console.log(JSON.stringify(keys));
            else for (const k of keys) console.log(`${k.prefix}  ${(k.revokedAt ? 'revoked' : 'active').padEnd(7)}  ${k.units.join(',').padEnd(16)}  ${k.createdAt.slice(0, 10)}  ${k.name}  (${k.id})`);
            return 0;
          }
          case 'revoke': {
            if (!positionals[0]) throw new UsageError('api-keys revoke needs the id or prefix of a key');
            const row = await revokeApiKey(db, positionals[0], 'cli', new Date());
            console.log(`revoked ${row.key_prefix}… "${row.name}"`);
            return 0;
          }
          default:
            throw new UsageError(`unknown action "${action ?? ''}"`);
        }
      } catch (error) {
        if (!(error instanceof ApiKeyAdminError)) throw error;
        console.error(error.message);
        return 1;
      }
    }, { seed: false });
  },
};
