// The real server as its own process (node --import tsx server/main.ts, or what `npm start` runs:
// node server/start.mjs), for tests that kill, signal or restart it.
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../server/paths';

/** The SIPAS_SECRET every test server runs with (never the project's own data/secret.key). */
export const TEST_SERVER_SECRET = Buffer.from('ab'.repeat(32), 'hex');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
}

/** The server from its source under tsx (quick to start), or built and run as `npm start` runs it. */
const ENTRY = { source: ['--import', 'tsx', 'server/main.ts'], built: ['server/start.mjs'] };

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}, port = 0, nodeArgs: readonly string[] = [], entry: keyof typeof ENTRY = 'source'): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, ...ENTRY[entry]], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Tests must never write the project's own data/secret.key.
      SIPAS_SECRET: TEST_SERVER_SECRET.toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const listening = await new Promise<number>((resolve, reject) => {
    // Only a guard against a hang: `npm start`'s build may take a while on a busy machine.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    const check = () => {
      const m = /listening on [^\s]*:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${listening}`, port: listening, child, output: () => output, exited };
}

/** Signs a staff account in to a server process over HTTP: the cookie and CSRF headers its staff requests need. */
export async function signInOver(server: ServerProcess, username: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const res = await fetch(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
}
