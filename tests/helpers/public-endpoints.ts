// Every endpoint reachable without signing in, for the fuzz tests. Add new public routes here.
import { randomUUID } from 'node:crypto';

export interface Endpoint {
  method: 'GET' | 'POST';
  path: string;
  /** A body the endpoint accepts, to mutate one field at a time. */
  validBody?: () => Record<string, unknown>;
}

export const publicEndpoints: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/responses',
    // The open link of MC, which the fuzz tests turn on.
    validBody: () => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 2 }, channel: 'web', unit: 'MC', browser: `fuzz-${randomUUID()}` }),
  },
  { method: 'POST', path: '/api/staff/login', validBody: () => ({ username: 'nobody', password: 'not-a-password' }) },
  { method: 'GET', path: '/api/surveys' },
  { method: 'GET', path: '/api/surveys/sipas-2017' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/locales/index.json' },
  { method: 'GET', path: '/locales/vi.json' },
  { method: 'GET', path: '/kiosk' },
  { method: 'GET', path: '/api/invitation-tokens/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  {
    method: 'POST',
    path: '/api/invitation-tokens/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/responses',
    validBody: () => ({ id: randomUUID(), surveyId: 'counter-quick', answers: { overall: 2 } }),
  },
  { method: 'POST', path: '/api/invitation-codes', validBody: () => ({ code: '123456789012' }) },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/docs' },
  { method: 'GET', path: '/s' },
  { method: 'GET', path: '/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  { method: 'GET', path: '/danh-gia/MC' },
  { method: 'GET', path: '/api/open-links/MC' },
  {
    method: 'POST',
    path: '/api/feedback',
    validBody: () => ({ id: randomUUID(), kind: 'report', unit: 'MC', text: 'Quầy đóng cửa sớm.', channel: 'web', device: `fuzz-${randomUUID()}` }),
  },
  { method: 'GET', path: '/api/feedback/form' },
  { method: 'GET', path: '/api/feedback/public' },
  { method: 'GET', path: '/api/feedback/track/ABCD-EFGH-JKMN-PQRS' },
  { method: 'GET', path: '/api/feedback/qr/ABCD-EFGH-JKMN-PQRS' },
  { method: 'GET', path: '/gop-y' },
  { method: 'GET', path: '/gop-y/cong-khai' },
  { method: 'GET', path: '/gop-y/ABCD-EFGH-JKMN-PQRS' },
  { method: 'POST', path: '/api/feedback/track/ABCD-EFGH-JKMN-PQRS/rating', validBody: () => ({ rating: 'satisfied' }) },
  { method: 'GET', path: '/api/public/results' },
  { method: 'GET', path: '/ket-qua' },
];
