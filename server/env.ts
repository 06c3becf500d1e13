// The only place that reads process.env: checked once at start-up, so a typo fails loudly.
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** 0.0.0.0 so tablets on the office network can reach the kiosk page. */
  HOST: z.string().default('0.0.0.0'),
  /** Unset: data/sipas.db. `sqlite:/path/file.db` or `postgres://…` otherwise. */
  DATABASE_URL: z.string().optional(),
  /** The address citizens and tablets use, for links and QR codes; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Shared secret for several app servers (hex, ≥ 32 bytes); otherwise data/secret.key. */
  SIPAS_SECRET: z.string().optional(),
  /** 1 behind a reverse proxy: take the client address from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** A client must send its whole request within this time, and its headers within the next. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(500).default(10_000),
  /**
   * FULL: a response is on disk before it is acknowledged. NORMAL may lose the last acknowledged
   * responses on a power cut; it exists to measure what durability costs (npm run bench).
   */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /**
   * Milliseconds the response writer waits to gather a batch into one transaction. 3 rather than 2:
   * under the submit benchmark's load a batch then gathers more answers for its commit, 3.8 % more
   * answers a second on SQLite in six alternated pairs, the same p99 (tests/bench/NOTES.md, *The
   * batch window*); longer windows made each answer wait more than they saved.
   */
  GROUP_COMMIT_MS: z.coerce.number().min(0).max(50).default(3),
  /** Days a QR invitation on a result slip stays valid. */
  INVITATION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Where alert e-mails and digests go out: smtp://user:pass@host:587 or smtps://…; unset: logged as skipped. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'smtp://… or smtps://…').optional(),
  /** The sender of alert e-mails. */
  MAIL_FROM: z.string().min(3).default('SIPAS <sipas@localhost>'),
  /** Seconds between alert checks (rules, digests, messages due); 0 turns the checks off on this server. */
  ALERTS_INTERVAL_S: z.coerce.number().int().min(0).max(86_400).default(300),
  /** 1: an empty database gets the demo organisation on start; 0: it starts empty (an office's own, see init --org). */
  SIPAS_DEMO: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
