import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|json|svg|webmanifest)$/;

/** Writes a .gz beside every compressible file of the build and stamps the build as done. */
export async function precompress(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (!COMPRESSIBLE.test(path) || !(await stat(path)).isFile()) continue;
    await writeFile(`${path}.gz`, await gz(await readFile(path), { level: 9 }));
  }
  await writeFile(join(dir, '.built'), new Date().toISOString());
}
