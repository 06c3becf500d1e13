import { ensurePagesBuilt } from '../../server/build-pages';

/** Tests that serve pages (HTTP, server processes, browsers) use the real build, made once first. */
export default async function setup(): Promise<void> {
  await ensurePagesBuilt();
}
