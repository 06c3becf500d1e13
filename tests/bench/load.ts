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
}

/** POSTs to /api/responses for `seconds` with `connections` connections, a new id each time. */
export async function submitLoad(url: string, bodies: ResponseBody[], connections: number, seconds: number): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/responses',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ ...bodies[i++ % bodies.length], id: randomUUID() }) }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
