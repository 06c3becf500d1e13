import { ensurePagesBuilt } from '../../server/build-pages';

/** The server processes these tests start serve the built pages; build them once first. */
export default async function setup(): Promise<void> {
  await ensurePagesBuilt();
}
