import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { countPlan, describePlan } from '../organisation/plan-organisation';
import { describeRefusal, importOrganisation, type ImportOutcome } from '../organisation/import-organisation';
import { organisationWorkbook, TEMPLATE_EXAMPLE } from '../organisation/organisation-workbook';
import { readStoredOrganisation } from '../organisation/stored-organisation';
import { UsageError, withDatabase, type Command } from './command';
import { HttpError } from '../http-error';
import { mergeUnits } from '../organisation/merge-units';
import { moveUnit } from '../organisation/move-unit';
import { isIsoDate, vietnamDate } from '../scoring/vietnam-time';

export const orgCommand: Command = {
  name: 'org',
  summary: 'the organisation in Excel: template, import (with --dry-run), export',
  usage: `npm run sipas -- org template --out FILE.xlsx
npm run sipas -- org import FILE.xlsx|FILE.csv [--dry-run]
npm run sipas -- org export --out FILE.xlsx
npm run sipas -- org move UNIT --to PARENT|- [--from YYYY-MM-DD]
npm run sipas -- org merge UNIT[,UNIT…] --into UNIT [--from YYYY-MM-DD]

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
export    the organisation as stored, in the template's layout: edit it and import it back
move      places a unit under another parent (- for a top unit) from a date (default today,
          never ahead). Dates before it keep rolling up under the old parent, so the figures
          of earlier periods do not change. A parent changed by import moves from today.
merge     folds units into another from a date: each is placed under it and retired with its
          sub-units, and its officials and procedures pass to it. The old units keep
          answering for their past; the unit merged into shows their figures before the date,
          so its trend runs on across the merge.`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, to: { type: 'string' }, into: { type: 'string' }, from: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [action, file, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
    if (action === 'move' || action === 'merge') return changeStructure(action, file, values);
    if (action === 'template' || action === 'export') {
      if (!values.out) throw new UsageError(`org ${action} needs --out FILE.xlsx`);
      const state = action === 'template' ? TEMPLATE_EXAMPLE : await withDatabase(({ handle }) => readStoredOrganisation(handle.db), { seed: false });
      writeFileSync(values.out, await organisationWorkbook(state));
      const n = `${state.units.length} units, ${state.procedures.length} procedures, ${state.officials.length} officials`;
      console.log(action === 'template' ? `wrote ${values.out} (the template, with example rows)` : `wrote ${values.out} (${n})`);
      return 0;
    }
    if (action !== 'import') throw new UsageError('org takes template, import, export, move or merge');
    if (!file) throw new UsageError('org import needs a file: FILE.xlsx or FILE.csv');
    const bytes = readFileSync(file);
    const dryRun = values['dry-run'] === true;
    const outcome = await withDatabase(({ handle }) => importOrganisation(handle.db, bytes, basename(file), { dryRun, actor: 'cli', now: new Date() }), { seed: false });
    return reportImport(outcome, dryRun);
  },
};

async function changeStructure(action: 'move' | 'merge', units: string | undefined, values: { to?: string; into?: string; from?: string }): Promise<number> {
  if (!units) throw new UsageError(`org ${action} needs a unit code`);
  const now = new Date();
  const effectiveFrom = values.from ?? vietnamDate(now);
  if (!isIsoDate(effectiveFrom)) throw new UsageError(`--from takes a date as YYYY-MM-DD, not "${effectiveFrom}"`);
  try {
    if (action === 'move') {
      if (values.to === undefined) throw new UsageError('org move needs --to PARENT (or --to - for a top unit)');
      const parent = values.to === '-' ? null : values.to;
      const outcome = await withDatabase(({ handle }) => moveUnit(handle.db, { unit: units, parent, effectiveFrom, actor: 'cli', now }), { seed: false });
      if (!outcome.ok) {
        console.error('refused: nothing was stored');
        for (const refusal of outcome.refusals) console.error(`  ${refusal.message}`);
        return 1;
      }
      console.log(outcome.moved ? `moved ${units} under ${parent ?? '(top)'} from ${effectiveFrom}` : `nothing to change: ${units} is already there`);
      return 0;
    }
    if (!values.into) throw new UsageError('org merge needs --into UNIT');
    const into = values.into;
    const outcome = await withDatabase(({ handle }) => mergeUnits(handle.db, { units: units.split(',').map((u) => u.trim()).filter(Boolean), into, effectiveFrom, actor: 'cli', now }), { seed: false });
    console.log(`merged ${outcome.merged.join(', ')} into ${into} from ${effectiveFrom}`);
    if (outcome.retiredUnits.length) console.log(`  retired with them: ${outcome.retiredUnits.join(', ')}`);
    if (outcome.movedOfficials.length) console.log(`  officials now in ${into}: ${outcome.movedOfficials.join(', ')}`);
    if (outcome.movedProcedures.length) console.log(`  procedures now in ${into}: ${outcome.movedProcedures.join(', ')}`);
    return 0;
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    console.error(`refused: nothing was stored: ${err.message}`);
    return 1;
  }
}

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
