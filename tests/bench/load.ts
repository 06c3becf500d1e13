// Drives a server with autocannon: many connections on loopback, each request a fresh response.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { ResponseBody } from '../../server/responses/response-body';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  sent: number;
  non2xx: number;
  errors: number;
  /** How long the load ran, in seconds. */
  seconds: number;
}

/** How a body goes out: its headers (a kiosk's credential) and JSON. */
export type RequestOf = (body: ResponseBody) => { headers: Record<string, string>; body: string };

const plainJson: RequestOf = (body) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * POSTs to /api/responses for `seconds` with `connections` connections, a new id each time. Each
 * answer's latency in ms is added to `latencies` when given, so that several loads of one server
 * give one distribution.
 */
export async function submitLoad(url: string, bodies: ResponseBody[], connections: number, seconds: number, requestOf: RequestOf = plainJson, latencies?: number[]): Promise<LoadResult> {
  let i = 0;
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/responses',
        setupRequest: (request) => ({ ...request, ...requestOf({ ...bodies[i++ % bodies.length]!, id: randomUUID() }) }),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    if (latencies) run.on('response', (_client, _status, _bytes, ms: number) => latencies.push(ms));
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
  };
}
