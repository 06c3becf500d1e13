// The first module of a worker thread whose code is ours (tallies/fold-thread.ts): it loads the
// entry named in workerData.entry, under tsx when that is TypeScript (the server run from its
// sources, the tests), as it is when built (server/.build/, see start.mjs). Plain JavaScript, found
// by path, so that it runs the same either way.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.entry);
