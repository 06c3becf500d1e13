// A response as the writer takes it (checked, hashed, counted), for tests that call
// storeResponses directly: a kiosk's answer of 4 to counter-quick's one question, the i-th of the
// test's ids, its content hash told apart by i.
import type { PendingResponse } from '../../server/repos/responses';

export const pendingKioskAnswer = (i: number, more: Partial<PendingResponse> = {}): PendingResponse => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  surveyId: 'counter-quick', surveyVersion: 1, localDate: '2026-03-02', submittedAt: '2026-03-02T03:00:00.000Z', receivedAt: '2026-03-02T03:00:00.000Z',
  unitCode: 'MC', procedureCode: '', officialCode: '', channel: 'kiosk', flagged: false, answers: { overall: 4 }, countedAnswers: { overall: 4 },
  contentHash: `h${i}`, deviceId: '', proof: 'device', verified: true,
  ...more,
});
