// Submissions per second and latency for the real POST /api/responses (validation, group commit,
// aggregates, synchronous=FULL) beside a minimal baseline, on loopback with 50 connections. All the
// servers are started first and take the load in turns, so that a slow moment of the machine falls
// on each of them alike (measureInTurns).
//
// The answers go out as kiosks send them at the counter: answered a moment ago, so filed under
// today. Another server takes the same answers with their own dates spread over the past year (a
// kiosk sends late only what it queued while its network was down; paper goes through the
// import), which spreads each batch's aggregate rows over hundreds of days: the worst case for
// the writes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths';
import { startServerProcess } from '../helpers/server-process';
import { enrolKioskFleet, kioskRequest } from '../helpers/kiosk-fleet';
import { syntheticBodies } from '../helpers/synthetic-bodies';
import type { ResponseBody } from '../../server/responses/response-body';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';
import type { Benchmark } from './index';
import { submitLoad, type LoadResult } from './load';

const CONNECTIONS = 50;
const SECONDS = 10;
/**
 * Every server, ours and the baseline alike, first takes this much of the same load unmeasured: a
 * server in service has compiled its code long before. From a cold start our server's first second
 * answered at a p99 of 160 ms and its second at 49, against 22–30 ms from its third second on (the
 * baseline, with far less code to compile: 30 ms, then 11–18 ms), so the first two seconds set
 * the p99 of all ten. The warm-up's own figures are printed and kept (`*_warmup_*`).
 */
const WARMUP_SECONDS = 3;
/** The SECONDS of each server's measured load come in this many turns (see measureInTurns). */
const ROUNDS = 5;

/** User + system CPU seconds in a /proc `stat` line (Linux); NaN when it cannot be read. */
function statCpuSeconds(path: string): number {
  try {
    const fields = readFileSync(path, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds a process has used so far, all its threads; NaN elsewhere than Linux. On a machine
 * shared with other work, CPU per request moves much less than requests per second.
 */
const cpuSeconds = (pid: number | undefined) => statCpuSeconds(`/proc/${pid}/stat`);

/**
 * CPU seconds of the process's main thread (on Linux its thread id is the process id), the one
 * that reads every request and runs its JavaScript: when it is busy nearly all the time, it is
 * what bounds the requests per second.
 */
const mainThreadCpuSeconds = (pid: number | undefined) => statCpuSeconds(`/proc/${pid}/task/${pid}/stat`);

/** Busy and total time of the whole machine so far, in clock ticks (/proc/stat; NaN elsewhere). */
function machineTicks(): { busy: number; total: number } {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((sum, n) => sum + n, 0);
    return { busy: total - ticks[3]! - ticks[4]!, total }; // idle and iowait are not busy
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

/**
 * Bytes a process has written so far (`wchar` in /proc: files and sockets alike; NaN elsewhere).
 * For a SQLite server most of it is the database's log and its copy into the file, so it shows
 * how many pages a commit rewrites, and it does not move with the machine's load.
 */
function bytesWritten(pid: number | undefined): number {
  try {
    return Number(/^wchar:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** What the load took, with the server's CPU and bytes written per request sent. */
type Measured = LoadResult & {
  cpuMsPerRequest: number;
  writtenKbPerRequest: number;
  /** Cores the server's main thread used (1 = busy all the time), and its CPU per request. */
  mainThreadCores: number;
  mainThreadUsPerRequest: number;
  /** Cores the whole machine used (of os.availableParallelism()): server, load and the rest. */
  machineBusyCores: number;
  /** Requests per second in each of the server's turns, in order. */
  turnRps: number[];
  warmup: LoadResult;
};

/** A server under the load: its process (for /proc) and how to load and stop it. */
interface Contender {
  pid: number | undefined;
  load: (seconds: number, latencies?: number[]) => Promise<LoadResult>;
  stop: () => Promise<void>;
}

/** What /proc says of a server and the machine at one moment. */
function readings(pid: number | undefined) {
  return { cpu: cpuSeconds(pid), main: mainThreadCpuSeconds(pid), machine: machineTicks(), written: bytesWritten(pid), at: performance.now() };
}

/**
 * Waits until the machine is nearly idle (at most 0.1 of its cores busy over 200 ms), for at most
 * 5 s: a server's background fold, or PostgreSQL's own work, may go on after its turn, and must
 * not be charged to the next server's.
 */
async function machineQuiet(): Promise<void> {
  for (const deadline = performance.now() + 5000; performance.now() < deadline; ) {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = machineTicks();
    if (Number.isNaN(before.total) || after.busy - before.busy <= 0.1 * (after.total - before.total)) return;
  }
}

/** The q-quantile of the latencies (nearest rank), in ms to one decimal. */
function quantile(sorted: number[], q: number): number {
  return sorted.length ? Math.round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]! * 10) / 10 : Number.NaN;
}

/**
 * Every server takes its warm-up, then the load in ROUNDS turns of SECONDS / ROUNDS each, the
 * servers in turn (each round starting one further along), the machine left to go quiet between
 * two turns. Measured one after the other, ten seconds each, two servers met a machine whose speed
 * had moved: the ratio of the same code to the baseline went from 0.34 to 0.57 within half an hour.
 * Taken in turns, the slow moments fall on all of them alike (tests/bench/NOTES.md, *The submit
 * measured in turns*).
 */
async function measureInTurns(contenders: Contender[]): Promise<Measured[]> {
  const warmups: LoadResult[] = [];
  for (const contender of contenders) {
    warmups.push(await contender.load(WARMUP_SECONDS));
    await machineQuiet();
  }
  const totals = contenders.map(() => ({ sent: 0, non2xx: 0, errors: 0, seconds: 0, wall: 0, cpu: 0, main: 0, busy: 0, ticks: 0, written: 0, latencies: [] as number[], turnRps: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      const contender = contenders[index]!;
      const total = totals[index]!;
      const before = readings(contender.pid);
      const result = await contender.load(SECONDS / ROUNDS, total.latencies);
      const after = readings(contender.pid);
      total.sent += result.sent;
      total.non2xx += result.non2xx;
      total.errors += result.errors;
      total.seconds += result.seconds;
      total.wall += (after.at - before.at) / 1000;
      total.cpu += after.cpu - before.cpu;
      total.main += after.main - before.main;
      total.busy += after.machine.busy - before.machine.busy;
      total.ticks += after.machine.total - before.machine.total;
      total.written += after.written - before.written;
      total.turnRps.push(Math.round(result.sent / result.seconds));
      await machineQuiet();
    }
  }
  return totals.map((total, i) => {
    const per = (n: number) => n / Math.max(total.sent, 1);
    const sorted = total.latencies.sort((a, b) => a - b);
    return {
      rps: total.sent / total.seconds,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      sent: total.sent,
      non2xx: total.non2xx,
      errors: total.errors,
      seconds: total.seconds,
      warmup: warmups[i]!,
      turnRps: total.turnRps,
      cpuMsPerRequest: Number(per(total.cpu * 1000).toFixed(3)),
      writtenKbPerRequest: Number(per(total.written / 1024).toFixed(1)),
      mainThreadCores: Number((total.main / total.wall).toFixed(2)),
      mainThreadUsPerRequest: Math.round(per(total.main * 1e6)),
      machineBusyCores: Number(((availableParallelism() * total.busy) / total.ticks).toFixed(2)),
    };
  });
}

async function baselineServer(bodies: ResponseBody[]): Promise<Contender> {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-baseline-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/baseline-server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, BASELINE_DB: join(dir, 'baseline.db') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve) => child.stdout!.on('data', (d) => {
    const m = /listening on [^\s]*:(\d+)/.exec(String(d));
    if (m) resolve(Number(m[1]));
  }));
  return {
    pid: child.pid,
    load: (seconds, latencies) => submitLoad(`http://127.0.0.1:${port}`, bodies, CONNECTIONS, seconds, undefined, latencies),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** When the answers were given: just now, or the synthetic dates spread over a year. */
type Dates = 'now' | 'spread';

async function realServer(dialect: 'sqlite' | 'postgres', bodies: ResponseBody[], dates: Dates, env: Record<string, string> = {}): Promise<Contender> {
  const config = await freshConfig(dialect);
  // Answers come from enrolled kiosks, with their credential, as on the counter.
  const fleet = await enrolKioskFleet(config);
  // SIPAS_BENCH_PROFILE=DIR writes a CPU profile of each server to DIR (open it in Chrome's DevTools).
  const profile = process.env.SIPAS_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SIPAS_BENCH_PROFILE}`] : [];
  // The server as `npm start` runs it: built, on plain node (server/start.mjs).
  const server = await startServerProcess(databaseUrl(config), env, 0, profile, 'built');
  const dated = (body: ResponseBody) => (dates === 'now' ? { ...body, submittedAt: new Date().toISOString() } : body);
  return {
    pid: server.child.pid,
    load: (seconds, latencies) => submitLoad(server.url, bodies, CONNECTIONS, seconds, (body) => kioskRequest(fleet, dated(body)), latencies),
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
      await dropConfig(config);
    },
  };
}

const line = (name: string, r: Measured) =>
  `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   ${r.cpuMsPerRequest.toFixed(3)} CPU ms/req   ${r.writtenKbPerRequest.toFixed(1)} KB written/req   main thread ${r.mainThreadCores.toFixed(2)} cores, ${r.mainThreadUsPerRequest} µs/req   machine ${r.machineBusyCores.toFixed(2)} cores busy   (${r.sent} sent, ${r.non2xx} non-2xx, ${r.errors} errors; turns ${r.turnRps.join(', ')} req/s; warm-up ${r.warmup.rps.toFixed(0)} req/s, p99 ${r.warmup.p99} ms)`;

export const submitBenchmark: Benchmark = {
  name: 'submit',
  description: `POST /api/responses, ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} turns taken in rotation, after a ${WARMUP_SECONDS} s warm-up, loopback`,
  async run(log) {
    const bodies = syntheticBodies(2000, 99);
    const contenders: Contender[] = [];
    try {
      contenders.push(await realServer('sqlite', bodies, 'now'));
      contenders.push(await baselineServer(bodies));
      // The same server without the disk flush per commit: what full durability itself costs.
      contenders.push(await realServer('sqlite', bodies, 'now', { SQLITE_SYNCHRONOUS: 'NORMAL' }));
      contenders.push(await realServer('sqlite', bodies, 'spread'));
      if (process.env.SIPAS_TEST_PG) contenders.push(await realServer('postgres', bodies, 'now'));
      return report(log, await measureInTurns(contenders));
    } finally {
      for (const contender of contenders) await contender.stop();
    }
  },
};

/** Prints each server's figures and their ratios, and returns them as the `--json` keys. */
function report(log: (line: string) => void, [real, baseline, normal, spread, pg]: Measured[]): Record<string, number> {
  if (!real || !baseline || !normal || !spread) throw new Error('every SQLite server and the baseline are measured');
  log(line('sipas, SQLite synchronous=FULL, group commit', real));
  log(line('baseline: bare insert, synchronous=NORMAL', baseline));
  log(`ratio sipas / baseline: ${(real.rps / baseline.rps).toFixed(2)} (throughput), ${(real.p99 / Math.max(baseline.p99, 1)).toFixed(2)} (p99 latency), ${(baseline.cpuMsPerRequest / real.cpuMsPerRequest).toFixed(2)} (CPU per request, baseline / sipas)`);
  log(line('sipas, SQLite synchronous=NORMAL (for comparison)', normal));
  log(`full durability costs ${((1 - real.rps / normal.rps) * 100).toFixed(0)}% of the throughput with group commit`);
  log(line('sipas, SQLite FULL, dates spread over a year', spread));
  log(`ratio spread / baseline: ${(spread.rps / baseline.rps).toFixed(2)} (throughput), ${(spread.p99 / Math.max(baseline.p99, 1)).toFixed(2)} (p99 latency)`);
  const figures: Record<string, number> = {
    submit_rps: Math.round(real.rps),
    submit_p50_ms: real.p50,
    submit_p99_ms: real.p99,
    baseline_rps: Math.round(baseline.rps),
    submit_vs_baseline_ratio: Number((real.rps / baseline.rps).toFixed(3)),
    submit_normal_sync_rps: Math.round(normal.rps),
    baseline_p50_ms: baseline.p50,
    baseline_p99_ms: baseline.p99,
    submit_p99_vs_baseline_ratio: Number((real.p99 / Math.max(baseline.p99, 1)).toFixed(2)),
    // Server CPU per request: steadier than req/s when the machine is shared.
    submit_cpu_ms_per_req: real.cpuMsPerRequest,
    baseline_cpu_ms_per_req: baseline.cpuMsPerRequest,
    // Bytes the server wrote (the database's log and file, and the answers): pages per commit.
    submit_written_kb_per_req: real.writtenKbPerRequest,
    baseline_written_kb_per_req: baseline.writtenKbPerRequest,
    // The first seconds after each server started, not measured above.
    submit_warmup_rps: Math.round(real.warmup.rps),
    submit_warmup_p99_ms: real.warmup.p99,
    baseline_warmup_rps: Math.round(baseline.warmup.rps),
    baseline_warmup_p99_ms: baseline.warmup.p99,
    // What bounds each: a main thread busy nearly all the time, or a machine out of cores.
    submit_main_thread_cores: real.mainThreadCores,
    submit_main_thread_us_per_req: real.mainThreadUsPerRequest,
    submit_machine_busy_cores: real.machineBusyCores,
    baseline_main_thread_cores: baseline.mainThreadCores,
    baseline_main_thread_us_per_req: baseline.mainThreadUsPerRequest,
    baseline_machine_busy_cores: baseline.machineBusyCores,
    submit_vs_baseline_cpu_ratio: Number((baseline.cpuMsPerRequest / real.cpuMsPerRequest).toFixed(3)),
    // The worst case for the aggregate writes: every answer of a batch on another day.
    submit_spread_rps: Math.round(spread.rps),
    submit_spread_p99_ms: spread.p99,
    submit_spread_vs_baseline_ratio: Number((spread.rps / baseline.rps).toFixed(3)),
    submit_spread_cpu_ms_per_req: spread.cpuMsPerRequest,
    submit_spread_written_kb_per_req: spread.writtenKbPerRequest,
  };
  if (pg) {
    log(line('sipas, PostgreSQL', pg));
    log(`ratio PostgreSQL / SQLite: ${(pg.rps / real.rps).toFixed(2)} (throughput)`);
    Object.assign(figures, { submit_pg_rps: Math.round(pg.rps), submit_pg_p50_ms: pg.p50, submit_pg_p99_ms: pg.p99, submit_pg_vs_sqlite_ratio: Number((pg.rps / real.rps).toFixed(2)), submit_pg_cpu_ms_per_req: pg.cpuMsPerRequest, submit_pg_main_thread_cores: pg.mainThreadCores, submit_pg_main_thread_us_per_req: pg.mainThreadUsPerRequest, submit_pg_machine_busy_cores: pg.machineBusyCores });
  }
  return figures;
}
