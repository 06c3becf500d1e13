import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process';
import { databaseUrl, dropConfig, freshConfig } from '../helpers/test-database';

/** Opens a connection, sends `head` and then nothing; resolves with what the server sent before closing. */
function stall(port: number, head: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let got = '';
    socket.on('data', (d) => (got += d));
    socket.on('close', () => resolve(got));
    socket.on('error', () => undefined);
  });
}

describe('a slow client', () => {
  it('cannot hold a connection: half-sent headers or bodies are cut off while others are served', async () => {
    const config = await freshConfig('sqlite');
    const server = await startServerProcess(databaseUrl(config), { HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000' });
    try {
      const halfHeaders = stall(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
      const halfBody = stall(server.port, 'POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id":');
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await halfHeaders).toMatch(/^HTTP\/1\.1 408|^$/);
      expect(await halfBody).toMatch(/^HTTP\/1\.1 408|^$/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await dropConfig(config);
    }
  });
});
