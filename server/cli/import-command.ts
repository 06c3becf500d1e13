import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importForms } from '../import/import-forms';
import { readTableFile, TableFileError } from '../import/read-table';
import { UsageError, withDatabase, type Command } from './command';

export const importCommand: Command = {
  name: 'import',
  summary: 'import paper forms from a CSV file or an Excel workbook',
  usage: `npm run sipas -- import --survey ID FILE.csv|FILE.xlsx [--dry-run] [--skip-invalid]

Reads one paper form per row and stores them like any other response (channel paper, proof
"import"). The file may be an Excel workbook (.xlsx, its first sheet) or a CSV as Excel saves it:
"CSV UTF-8" (with or without BOM), plain "CSV" on Vietnamese Windows (Windows-1258) or "Unicode
text" (UTF-16, tab-separated); comma, semicolon or tab between fields. A file in any other
encoding is refused with the line of the first byte it cannot read. All text is stored NFC.
Columns, in any order:

  id            optional UUID; without it each row gets an id derived from its content, so
                importing the same file twice adds nothing
  submitted_at  the date of the form: 2026-03-15, 2026-03-15T09:30 (Vietnam time unless an
                offset is given) or 15/03/2026
  unit          unit code (npm run sipas -- units lists them)
  channel       empty or paper ("giấy"): only paper forms are imported; kiosk, QR and web
                answers arrive with their own proof and are refused here
  procedure     procedure code (optional)
  official      official code (optional)
  <question id> one column per question of the questionnaire (see GET /api/surveys/ID):
                a rating holds its level (1–5 on the 5-point scale) or its words ("Rất hài
                lòng"), 0 or "Không có ý kiến" for no opinion, empty when unanswered; a choice
                holds its option id, its words ("Nữ") or the first words of one option ("Trực
                tiếp"); several options are separated by | or ;

A column may be missing and a cell empty: that question was not answered. A row is invalid only
for what is wrong (unknown column with a value, unknown unit, value out of range, unparsable date,
malformed id); invalid rows are reported with their line number. If any row is invalid, nothing is
imported and the command exits with status 1, unless --skip-invalid is given: then the valid rows
are imported, the others reported, and the status is 0. --dry-run checks everything and prints
what would be imported (and the first text answers as they would be stored), storing nothing.`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { survey: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    if (!values.survey || !file || positionals.length > 1) throw new UsageError('import needs --survey ID and one CSV or XLSX file');
    let table;
    try {
      table = await readTableFile(readFileSync(file), file);
    } catch (error) {
      if (!(error instanceof TableFileError) && !(error as NodeJS.ErrnoException).code) throw error;
      console.error(`cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const records = table.records;
    const dryRun = values['dry-run'] ?? false;
    return withDatabase(async ({ handle, surveys }) => {
      const def = surveys.get(values.survey!);
      if (!def || def.status !== 'published') {
        console.error(`no published questionnaire "${values.survey}"`);
        return 1;
      }
      const skipInvalid = values['skip-invalid'] ?? false;
      const outcome = await importForms(handle.db, surveys, def, records, { skipInvalid, dryRun, now: new Date(), actor: 'cli', source: basename(file) });
      for (const problem of outcome.fileProblems) console.error(problem);
      for (const row of outcome.invalid) for (const issue of row.issues) console.error(`line ${row.line}: ${issue.column}: ${issue.message}`);
      const refused = outcome.fileProblems.length > 0 || (outcome.invalid.length > 0 && !skipInvalid);
      if (refused) {
        if (outcome.invalid.length) console.error(`${outcome.invalid.length} invalid row(s): nothing imported (fix them, or use --skip-invalid)`);
        return 1;
      }
      if (dryRun) {
        console.log(`dry run: read ${basename(file)} as ${table.format}, ${records.length - 1} row(s)`);
        for (const s of outcome.textSample) console.log(`line ${s.line}: ${s.column}: ${s.text}`);
        const skipping = outcome.invalid.length ? `, would skip ${outcome.invalid.length} invalid row(s)` : '';
        console.log(`would import ${outcome.created} new response(s); ${outcome.alreadyStored} are already stored${skipping}; nothing was stored`);
        return 0;
      }
      const skipped = outcome.invalid.length ? `, skipped ${outcome.invalid.length} invalid row(s)` : '';
      console.log(`imported ${outcome.created} new response(s); ${outcome.alreadyStored} were already stored${skipped}`);
      return 0;
    }, { seed: false });
  },
};
