// A few feedback items for the demo, spread over the year and handled as an office would: most
// answered within the period (some late), a few still open. Through the same code as the pages
// (sendFeedback, then the inbox's reply and status changes), with a fixed seed.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { FeedbackBody } from '../feedback/feedback-body';
import { moveItem, saveReply, type Handler } from '../feedback/handle-feedback';
import { sendFeedback } from '../feedback/send-feedback';
import { listUnits } from '../repos/organisation';
import { addDays, startOfVietnamDate, vietnamDate, weekday } from '../scoring/vietnam-time';
import { DEMO_FEEDBACK } from './demo-texts';
import { demoStructure, mulberry32 } from './synthetic-responses';
import type { Organisation } from '../repos/organisation';

/** Adds `count` feedback items received over the last year; returns how many were new. */
export async function seedDemoFeedback(db: Kysely<Database>, secret: Buffer, org: Organisation, count: number, now: Date, seed: number): Promise<number> {
  const rand = mulberry32(seed + 1);
  const { counters } = demoStructure(org);
  const system: Handler = { username: 'demo', role: 'admin', scope: { units: null, root: (await listUnits(db)).find((u) => u.parent_code === null)?.code ?? null } };
  let created = 0;
  for (let i = 0; i < count; i++) {
    const item = DEMO_FEEDBACK[i % DEMO_FEEDBACK.length]!;
    const back = Math.floor(rand() * 360) + 3;
    let date = addDays(vietnamDate(now), -back);
    while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, -1);
    const received = new Date(startOfVietnamDate(date).getTime() + (8 + rand() * 8) * 3_600_000);
    const id = `${Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0')}-0000-4000-8000-${(seed * 1000 + i).toString(16).padStart(12, '0')}`;
    const body: FeedbackBody = { id, kind: item.kind, unit: counters[i % counters.length]!.code, text: item.text, channel: rand() < 0.5 ? 'kiosk' : 'web', device: `demo-device-${i}` };
    // Each item from its own address and device: the demo must not trip the senders' limits.
    const sent = await sendFeedback({ db, secret, now: received, addressKey: `demo-${seed}-${i}` }, body);
    if (sent.status !== 'created') continue;
    created++;
    const handled = rand();
    if (handled < 0.12 && back < 30) continue; // still open: recent ones
    // Most answered within the 10 working days promised, some later.
    const answered = new Date(received.getTime() + (handled < 0.8 ? 2 + rand() * 10 : 15 + rand() * 10) * 86_400_000);
    if (answered > now) continue;
    await moveItem(db, system, id, 'in_progress', new Date(received.getTime() + 86_400_000));
    await saveReply(db, system, id, item.reply, answered);
    await moveItem(db, system, id, 'answered', answered);
  }
  return created;
}
