import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeExport, type ExportFormat } from '../exports/export-file';
import { rawRowsFor } from '../exports/raw-rows';
import { HttpError } from '../http-error';
import { dataDir, localesDir } from '../paths';
import { auditExport, exportContext, exportFileName } from '../scores/score-export';
import { resolveScoreQuery } from '../scores/score-query';
import { UsageError, withDatabase, type Command } from './command';
import { filterUsage, parseFilterArgs } from './score-options';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the responses as CSV, or the scores and responses as XLSX',
  usage: `npm run sipas -- export --survey ID --format csv|xlsx [--out FILE] [filters] [--by LIST]

csv   every response matching the filters, one row each (UTF-8 with BOM, for Excel)
xlsx  the "Chỉ số" sheet (elements and criteria as provincial SIPAS reports tabulate them), one
      sheet per breakdown given with --by, and a sheet of the responses

  --out FILE           where to write (default data/exports/<name>; - for standard output)
  --by LIST            breakdown sheets, comma-separated: unit, procedure, official, channel,
                       day, week, month, quarter, year, or a demographic question (gender …)
  --lang vi|en         language of the XLSX headings (default vi)
  --detail             each response with its official and exact time (without it the rows
                       carry the date, unit, procedure and channel only; with --official the
                       rows are written only with --detail)
${filterUsage}

Every export is written to the audit log.`,
  async run(argv) {
    const { query, values } = parseFilterArgs(argv, { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, detail: { type: 'boolean' } });
    const format = values.format as ExportFormat;
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
    const lang = (values.lang as string | undefined) ?? 'vi';
    if (lang !== 'vi' && lang !== 'en') throw new UsageError('--lang must be vi or en');
    return withDatabase(async ({ handle, surveys }) => {
      try {
        const rows = rawRowsFor({ admin: true, detail: values.detail === true, official: query.official });
        if (rows === 'none' && format === 'csv') throw new UsageError('the responses of one official are written only with --detail');
        const r = await resolveScoreQuery({ db: handle.db, reader: handle.reader, surveys }, null, query);
        const { ctx, counts } = await exportContext(r, localesDir, lang, rows);
        const path = (values.out as string | undefined) ?? join(dataDir, 'exports', exportFileName(r.filter, format, new Date()));
        if (path !== '-') mkdirSync(dirname(path), { recursive: true });
        await auditExport({ db: handle.db }, 'cli', format, r.filter, query.by, new Date(), rows);
        await writeExport(format, handle.reader, ctx, counts, path === '-' ? process.stdout : createWriteStream(path));
        if (path !== '-') console.error(`wrote ${path}`);
        return 0;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        console.error(error.issues?.map((i) => i.message).join('\n') ?? error.message);
        return 1;
      }
    }, { seed: false });
  },
};
