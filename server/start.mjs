// `npm start`: builds the server (and the pages when their sources changed) in a child process
// under tsx, then runs that build here, on plain node, so the serving process carries no
// TypeScript loader (see build-server.ts). Plain JavaScript because it runs before anything is
// built; one process serves, so SIGTERM and SIGINT reach the server itself.
//
// Several servers may start from one checkout (README "Durability and running several servers"),
// so each builds into a folder of its own, server/.build/<pid>/, and a start removes the folders
// of servers that have ended: no server's build is rewritten under it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const buildRoot = fileURLToPath(new URL('./.build/', import.meta.url));

/** Whether a process with this id is running (signal 0 only asks). */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

mkdirSync(buildRoot, { recursive: true });
for (const name of readdirSync(buildRoot)) {
  if (/^\d+$/.test(name) && running(Number(name))) continue;
  // Another server starting at the same moment may be removing it too; that is no reason to stop.
  try {
    rmSync(join(buildRoot, name), { recursive: true, force: true });
  } catch {}
}
const outDir = join(buildRoot, String(process.pid));
const build = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./build-server.ts', import.meta.url)), outDir], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('[sipas] the build failed; the server was not started');
  process.exit(build.status ?? 1);
}
await import(pathToFileURL(join(outDir, 'main.js')).href);
