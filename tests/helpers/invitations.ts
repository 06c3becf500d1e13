import { addApiKey } from '../../server/auth/api-key-admin';
import type { TestApp } from './test-app';

/** A valid invitation request for the demo organisation; override any field. */
export function invitationRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  // CB-01 serves at counter 1 (MC-Q1): another unit gets no official unless one is given.
  const ownUnit = overrides.unit === undefined || overrides.unit === 'MC-Q1';
  return {
    dossierCode: `000.00.17.H37-260310-${Math.floor(Math.random() * 1e9)}`,
    procedure: 'DT-01',
    unit: 'MC-Q1',
    ...(ownUnit ? { official: 'CB-01' } : {}),
    receivedAt: '2026-03-02',
    dueAt: '2026-03-12',
    returnedAt: '2026-03-10T02:30:00Z',
    ...overrides,
  };
}

/** Issues an API key for the units straight through the admin function; returns Bearer headers. */
export async function apiKeyHeaders(t: TestApp, units: string[], name = 'one-stop system'): Promise<{ id: string; headers: Record<string, string> }> {
  const { row, key } = await addApiKey(t.database.handle.db, { name, units }, 'test', t.clock.now);
  return { id: row.id, headers: { authorization: `Bearer ${key}` } };
}
