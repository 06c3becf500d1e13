import type { Kysely } from 'kysely';
import type { Database } from './db/database';
import type { ResponseWriter } from './responses/response-writer';
import type { SurveyRegistry } from './surveys/survey-registry';

/** Everything the HTTP app needs, passed in so tests can build one on a fresh database. */
export interface AppDeps {
  db: Kysely<Database>;
  /** A connection for long reads (exports) that never holds up a submission. */
  reader: Kysely<Database>;
  surveys: SurveyRegistry;
  writer: ResponseWriter;
  clock: () => Date;
  /** The built pages (kiosk/dist); pages answer 503 until they are built. */
  pagesDir: string;
  /** The locale files shared by the pages and the server-rendered pages. */
  localesDir: string;
  publicUrl: string;
  /** Keys HMACs; never stored in the database. */
  secret: Buffer;
  /** Take client addresses from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** Days a QR invitation stays valid (default 30). */
  invitationDays?: number;
}
