import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { countPlan, describePlan } from '../organisation/plan-organisation';
import { describeRefusal, importOrganisation, type ImportOutcome } from '../organisation/import-organisation';
import { organisationWorkbook, TEMPLATE_EXAMPLE } from '../organisation/organisation-workbook';
import { readStoredOrganisation } from '../organisation/stored-organisation';
import { UsageError, withDatabase, type Command } from './command';

export const orgCommand: Command = {
  name: 'org',
  summary: 'the organisation in Excel: template, import (with --dry-run), export',
  usage: `npm run sipas -- org template --out FILE.xlsx
npm run sipas -- org import FILE.xlsx|FILE.csv [--dry-run]
npm run sipas -- org export --out FILE.xlsx

template  a workbook with three sheets, "Đơn vị" (units), "Thủ tục" (procedures) and "Cán bộ"
          (officials), Vietnamese headers on row 1, an example row in each (replace it) and
          drop-down lists for the kind, the active column and unit codes
import    adds the codes not stored yet and changes the others; "Đang hoạt động" = Không
          retires an entry (nothing is ever deleted: past responses keep their unit and
          official). Prints what it adds, changes and retires. A wrong row refuses the whole
          file, with each reason and its sheet line, and nothing is stored; otherwise all of
          it is stored in one transaction and written to the audit log.
          A workbook is read by sheet name (a sheet left out leaves that list unchanged). A CSV
          holds one list, named by the header of its first column: "Mã đơn vị" (units), "Mã thủ
          tục" (procedures) or "Mã cán bộ" (officials), with the sheet's other headers after it.
          CSV as UTF-8, UTF-16 ("Unicode text") or Windows-1258, as the paper-form import.
  --dry-run  only print the plan; store nothing
export    the organisation as stored, in the template's layout: edit it and import it back`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
    const [action, file, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
    if (action === 'template' || action === 'export') {
      if (!values.out) throw new UsageError(`org ${action} needs --out FILE.xlsx`);
      const state = action === 'template' ? TEMPLATE_EXAMPLE : await withDatabase(({ handle }) => readStoredOrganisation(handle.db), { seed: false });
      writeFileSync(values.out, await organisationWorkbook(state));
      const n = `${state.units.length} units, ${state.procedures.length} procedures, ${state.officials.length} officials`;
      console.log(action === 'template' ? `wrote ${values.out} (the template, with example rows)` : `wrote ${values.out} (${n})`);
      return 0;
    }
    if (action !== 'import') throw new UsageError('org takes template, import or export');
    if (!file) throw new UsageError('org import needs a file: FILE.xlsx or FILE.csv');
    const bytes = readFileSync(file);
    const dryRun = values['dry-run'] === true;
    const outcome = await withDatabase(({ handle }) => importOrganisation(handle.db, bytes, basename(file), { dryRun, actor: 'cli', now: new Date() }), { seed: false });
    return reportImport(outcome, dryRun);
  },
};

/** Prints the plan or the refusals; returns the exit code (1 when refused). */
export function reportImport(outcome: ImportOutcome, dryRun: boolean): number {
  if (!outcome.ok) {
    console.error(`refused: nothing was stored (${outcome.refusals.length} problem${outcome.refusals.length === 1 ? '' : 's'})`);
    for (const refusal of outcome.refusals) console.error(`  ${describeRefusal(refusal)}`);
    return 1;
  }
  const { add, change, retire } = countPlan(outcome.plan);
  const summary = `${add} to add, ${change} to change, ${retire} to retire`;
  if (!outcome.plan.length) console.log('nothing to change: the file matches the stored organisation');
  else {
    console.log(dryRun ? `dry run, nothing stored: ${summary}` : `stored: ${summary}`);
    for (const line of describePlan(outcome.plan)) console.log(line);
  }
  return 0;
}
