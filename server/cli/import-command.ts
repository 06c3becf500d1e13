import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importForms } from '../import/import-forms';
import { UsageError, withDatabase, type Command } from './command';

export const importCommand: Command = {
  name: 'import',
  summary: 'import paper forms from a CSV file',
  usage: `npm run sipas -- import --survey ID FILE.csv [--skip-invalid]

Reads one form per row from a UTF-8 CSV (with or without BOM; comma- or semicolon-separated, as
Excel saves it) and stores them like any other response. Columns, in any order:

  id            optional UUID; without it each row gets an id derived from its content, so
                importing the same file twice adds nothing
  submitted_at  the date of the form: 2026-03-15, 2026-03-15T09:30 (Vietnam time unless an
                offset is given) or 15/03/2026
  unit          unit code (npm run sipas -- units lists them)
  channel       kiosk, qr, web or paper (default paper)
  procedure     procedure code (optional)
  official      official code (optional)
  <question id> one column per question of the questionnaire (see GET /api/surveys/ID):
                a rating holds its level (1–5 on the 5-point scale), ${'`'}0${'`'} for "không có ý kiến"
                (no opinion), empty when unanswered; a choice holds its option id, several
                options are separated by | or ;

A column may be missing and a cell empty: that question was not answered. A row is invalid only
for what is wrong (unknown column with a value, unknown unit, value out of range, unparsable date,
malformed id); invalid rows are reported with their line number. If any row is invalid, nothing is
imported and the command exits with status 1, unless --skip-invalid is given: then the valid rows
are imported, the others reported, and the status is 0.`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, options: { survey: { type: 'string' }, 'skip-invalid': { type: 'boolean' } }, allowPositionals: true, strict: true });
    const file = positionals[0];
    if (!values.survey || !file || positionals.length > 1) throw new UsageError('import needs --survey ID and one CSV file');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    return withDatabase(async ({ handle, surveys }) => {
      const def = surveys.get(values.survey!);
      if (!def || def.status !== 'published') {
        console.error(`no published questionnaire "${values.survey}"`);
        return 1;
      }
      const skipInvalid = values['skip-invalid'] ?? false;
      const outcome = await importForms(handle.db, surveys, def, text, { skipInvalid, now: new Date(), actor: 'cli', source: basename(file) });
      for (const problem of outcome.fileProblems) console.error(problem);
      for (const row of outcome.invalid) for (const issue of row.issues) console.error(`line ${row.line}: ${issue.column}: ${issue.message}`);
      if (!outcome.imported) {
        if (outcome.invalid.length) console.error(`${outcome.invalid.length} invalid row(s): nothing imported (fix them, or use --skip-invalid)`);
        return 1;
      }
      const skipped = outcome.invalid.length ? `, skipped ${outcome.invalid.length} invalid row(s)` : '';
      console.log(`imported ${outcome.created} new response(s); ${outcome.alreadyStored} were already stored${skipped}`);
      return 0;
    }, { seed: false });
  },
};
