import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RowResult } from '../../../shared/contract/imports';
import { sandboxCore } from '../../support/sandboxCore';

/** A sandbox core plus a second connection to its SQLite file, to pick devices by their state. */
export async function importWorkspace(dataDir: string) {
  const sandbox = sandboxCore(dataDir);
  await sandbox.call('workspace:info', {});
  const db = new Database(join(dataDir, 'workspace.sqlite'));
  db.pragma('busy_timeout = 5000');
  /** ICCIDs of devices matching a condition on `devices d` joined to `carrier_accounts a`. */
  const iccids = (where: string, limit = 1, ...params: unknown[]): string[] =>
    db
      .prepare(
        `SELECT d.iccid FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE ${where} ORDER BY d.id LIMIT ${limit}`,
      )
      .pluck()
      .all(...params) as string[];
  const device = (iccid: string) =>
    db
      .prepare(
        `SELECT d.*, a.carrier FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE d.iccid = ?`,
      )
      .get(iccid) as Record<string, string | number | null>;
  /** Opens CSV text as if it had been dropped on the window. */
  const openCsv = (text: string, name = 'customer.csv') =>
    sandbox.call('import:open', {
      source: { kind: 'upload', name, base64: Buffer.from(text, 'utf8').toString('base64') },
    });
  const openBytes = (bytes: Uint8Array, name: string) =>
    sandbox.call('import:open', {
      source: { kind: 'upload', name, base64: Buffer.from(bytes).toString('base64') },
    });
  /** Every row of the last check, in file order. */
  const allRows = async (importId: string): Promise<RowResult[]> => {
    const rows: RowResult[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await sandbox.call('import:rows', { importId, offset, limit: 500 });
      rows.push(...page.rows);
      if (rows.length >= page.total) return rows;
    }
  };
  const close = async () => {
    db.close();
    await sandbox.core.close();
  };
  return { ...sandbox, db, iccids, device, openCsv, openBytes, allRows, close };
}

/** A row's first problem, as the desk reads it: severity, column and message. */
export const firstProblem = (rows: RowResult[], row: number) => {
  const found = rows.find((r) => r.row === row);
  if (!found) throw new Error(`row ${row} was not checked`);
  return { severity: found.severity, ...found.problems[0] };
};
