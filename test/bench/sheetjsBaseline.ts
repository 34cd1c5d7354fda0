// The baseline the report bench compares with: the same report's rows gathered in memory and
// written by SheetJS in one go, as most apps export. One run in its own process, printing one
// JSON line like exportChild.ts: `node --import tsx sheetjsBaseline.ts <dataDir> <bulkId> <xlsx|csv> <out>`.
import { statSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { openReport } from '../../main/core/reports/reportSource';
import { openStore } from '../../main/core/store/open';
import { databaseFile } from '../../main/core/workspace/paths';

const [dataDir = '', bulkId = '', format = '', out = ''] = process.argv.slice(2);
if (format !== 'xlsx' && format !== 'csv')
  throw new Error(`format must be xlsx or csv, not ${format}`);
const db = openStore(databaseFile(dataDir));
const started = performance.now();
const report = openReport(db, {
  kind: 'bulkChange',
  bulkChangeId: Number(bulkId),
  timeZone: 'Europe/Paris',
});
const rows: string[][] = [report.columns.map((c) => c.label)];
for await (const page of report.pages()) rows.push(...page);
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Devices');
XLSX.writeFile(book, out, { bookType: format, compression: true });
const ms = Math.round(performance.now() - started);
db.close();
console.log(
  JSON.stringify({
    rows: rows.length - 1,
    bytes: statSync(out).size,
    ms,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
