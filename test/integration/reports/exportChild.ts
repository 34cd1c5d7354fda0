// One export in its own process, for the memory test and the bench: `node --import tsx
// exportChild.ts <dataDir> <bulkChangeId> <xlsx|csv> <out>`. Prints one JSON line: rows, bytes,
// milliseconds and the process's peak RSS in bytes.
import { exportReportTo } from '../../../main/core/reports/exportReport';
import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';

const [dataDir = '', bulkId = '', format = '', out = ''] = process.argv.slice(2);
if (format !== 'xlsx' && format !== 'csv')
  throw new Error(`format must be xlsx or csv, not ${format}`);
const db = openStore(databaseFile(dataDir));
const started = performance.now();
const file = await exportReportTo(
  db,
  { kind: 'bulkChange', bulkChangeId: Number(bulkId), timeZone: 'Europe/Paris' },
  format,
  out,
);
const ms = Math.round(performance.now() - started);
db.close();
console.log(
  JSON.stringify({
    rows: file.rows,
    bytes: file.bytes,
    ms,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
