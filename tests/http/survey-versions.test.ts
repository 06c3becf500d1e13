import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boot } from '../../server/boot';
import { createDraft, publishDraft } from '../../server/questionnaires/questionnaire-editor';
import { surveyDefsDir } from '../../server/paths';
import { dialects, dropConfig, freshConfig } from '../helpers/test-database';

describe.each(dialects)('published definitions on %s', (dialect) => {
  it('refuses to start when a published version was edited in place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defs-'));
    cpSync(surveyDefsDir, dir, { recursive: true });
    const config = await freshConfig(dialect);
    const first = await boot(config, { surveyDir: dir });
    await first.handle.close();

    const file = join(dir, 'counter-quick.v1.json');
    const def = JSON.parse(readFileSync(file, 'utf8'));
    def.scales.three.satisfied = [3];
    writeFileSync(file, JSON.stringify(def));
    await expect(boot(config, { surveyDir: dir })).rejects.toThrow(/counter-quick v1 was changed after it was published.*version 2/);
    await dropConfig(config);
  });

  it('refuses to start when a new file names a version published from the staff editor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defs-'));
    cpSync(surveyDefsDir, dir, { recursive: true });
    const config = await freshConfig(dialect);
    const first = await boot(config, { surveyDir: dir });
    const deps = { db: first.handle.db, surveys: first.surveys, clock: () => new Date() };
    await createDraft(deps, 'counter-quick', undefined, 'root');
    await publishDraft(deps, 'counter-quick', undefined, 'root');
    expect(first.surveys.get('counter-quick')?.version).toBe(2);
    await first.handle.close();

    const def = JSON.parse(readFileSync(join(dir, 'counter-quick.v1.json'), 'utf8'));
    writeFileSync(join(dir, 'counter-quick.v2.json'), JSON.stringify({ ...def, version: 2, intro: { vi: 'Khác' } }));
    await expect(boot(config, { surveyDir: dir })).rejects.toThrow(/counter-quick\.v2\.json names a version root published from the staff editor/);
    await dropConfig(config);
  });
});
