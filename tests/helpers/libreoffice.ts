// LibreOffice, headless, as the office opens what we export: converts a file and says where the
// result went. Each conversion has a profile of its own: two sharing one wait on each other's lock.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** Converts `file` with LibreOffice's filter `to` (e.g. 'pdf', 'csv:…') into the folder `outDir`. */
export async function convertWithLibreOffice(file: string, to: string, outDir: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'sipas-lo-'));
  try {
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { timeout: 240_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
