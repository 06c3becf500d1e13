import { ensurePagesBuilt } from '../../server/build-pages';

/** The browser tests use the real built pages, built once before the first test. */
export default async function setup(): Promise<void> {
  await ensurePagesBuilt();
}
