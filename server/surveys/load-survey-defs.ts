import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../survey-defs/schema';
import { projectRoot } from '../paths';

const FILE_NAME = /^([a-z][a-z0-9-]*)\.v(\d+)\.json$/;

/**
 * Reads every `<id>.v<version>.json` in the folder and checks it against the schema. A broken
 * file stops start-up with a message naming the file and the field.
 */
export function loadSurveyDefs(dir: string): SurveyDefinition[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => parseSurveyDef(join(dir, file), readFileSync(join(dir, file), 'utf8')));
}

export function parseSurveyDef(path: string, text: string): SurveyDefinition {
  const where = relative(projectRoot, path) || path;
  const fail = (msg: string): never => {
    throw new Error(`survey definition ${where}: ${msg}`);
  };
  const name = FILE_NAME.exec(path.split(/[\\/]/).pop() ?? '');
  if (!name) fail('file name must be <id>.v<version>.json');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`not valid JSON (${(e as Error).message})`);
  }
  const parsed = surveyDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    fail(lines.join('; '));
  }
  const def = parsed.data!;
  if (def.id !== name![1] || def.version !== Number(name![2])) {
    fail(`id/version in the file (${def.id} v${def.version}) do not match its name`);
  }
  return def;
}
