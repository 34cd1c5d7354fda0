/**
 * Reconciliation benchmark: a sandbox workspace with one finished bulk change (300 devices, each
 * in many rows), reconciled against simulators. Once widened (lanes at 300/s × 6 on simulators
 * with Cisco's and POND's limits lifted: what our side costs per device, lookups, comparison and
 * batched writes), once at the sandbox accounts' own rates (what a desk waits). Prints figures;
 * it is not a test.
 * Run: node --import tsx test/bench/reconcile.ts [--rows 20000] [--paced 300]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Progress } from '../../shared/contract/workspace';
import { databaseFile } from '../../main/core/workspace/paths';
import { seedBigReport } from '../integration/reports/bigReport';
import { startExternalCarriers } from '../support/externalCarriers';
import { sandboxCore } from '../support/sandboxCore';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000' },
    paced: { type: 'string', default: '300' },
  },
});

async function reconcile(rows: number, widen: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-reconcile-'));
  try {
    const bulkId = await seedBigReport(dataDir, rows);
    // Widened: simulators in this process with Cisco's and POND's limits lifted, lanes at 300/s × 6.
    const carriers = widen ? await startExternalCarriers(databaseFile(dataDir)) : undefined;
    const db = new Database(databaseFile(dataDir));
    const lanes = db
      .prepare(
        'SELECT carrier, rate_limit_per_second AS rate, max_concurrency AS slots FROM carrier_accounts ORDER BY carrier',
      )
      .all() as { carrier: string; rate: number; slots: number }[];
    db.close();
    const { call, core, events } = sandboxCore(dataDir, { sandboxDevices: undefined });
    const started = performance.now();
    const run = await call('reports:reconcile', { bulkChangeId: bulkId });
    const ms = performance.now() - started;
    await core.close();
    await carriers?.close();
    const progress = events.filter(
      (e) =>
        e.event === 'workspace:progress' && (e.payload as Progress).task === 'reports:reconcile',
    ).length;
    const reader = new Database(databaseFile(dataDir), { readonly: true });
    const reasons = reader
      .prepare(
        `SELECT substr(lookup_error, 1, 90) AS reason, count(*) AS n FROM reconciliation_rows
         WHERE lookup_error IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 3`,
      )
      .all() as { reason: string; n: number }[];
    reader.close();
    console.log(
      `${widen ? 'widened' : 'paced  '} ${rows.toLocaleString('en-US')} devices: ${(ms / 1000).toFixed(1)} s, ` +
        `${Math.round((rows / ms) * 1000).toLocaleString('en-US')} devices/s, ${progress} progress events; ` +
        `${run.matching} matching, ${run.differences} differing, ${run.notChecked} not checked`,
    );
    for (const r of reasons) console.log(`  not checked ×${r.n}: ${r.reason}`);
    console.log(`  lanes: ${lanes.map((l) => `${l.carrier} ${l.rate}/s × ${l.slots}`).join(', ')}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await reconcile(Number(values.rows), true);
await reconcile(Number(values.paced), false);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
