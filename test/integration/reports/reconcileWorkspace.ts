import Database from 'better-sqlite3';
import type { Carrier } from '../../../shared/domain/carriers';
import type { ReportPage } from '../../../shared/contract/reports';
import type { Progress } from '../../../shared/contract/workspace';
import { createAdapter } from '../../../main/core/carriers/registry';
import type { StatusAction } from '../../../main/core/carriers/types';
import type { Simulator } from '../../../main/core/simulators/common/server';
import { sandboxCredentials } from '../../../main/core/simulators/sandbox';
import type { DeskWorkspace } from '../bulkView/deskWorkspace';

/**
 * Someone changes a line in the carrier's own portal, behind the console's back: a second
 * adapter with the sandbox's credentials, straight at the account's simulator.
 */
export async function changeAtCarrier(
  sim: Simulator,
  carrier: Carrier,
  iccid: string,
  action: StatusAction,
): Promise<void> {
  const portal = createAdapter(sandboxCredentials(carrier), { baseUrl: sim.url });
  try {
    const [outcome] = await portal.updateStatus([{ iccid }], action);
    if (outcome?.kind !== 'done')
      throw new Error(`the carrier refused: ${JSON.stringify(outcome)}`);
  } finally {
    await portal.close();
  }
}

/** Someone edits our store directly (a script, a restore from backup): the record drifts. */
export function changeInOurStore(ws: DeskWorkspace, sql: string, ...params: unknown[]): void {
  const writer = new Database(ws.db.name);
  try {
    writer.prepare(sql).run(...params);
  } finally {
    writer.close();
  }
}

/** The whole report of a run as maps: summary by label, and each device's row by column name. */
export async function readReport(ws: DeskWorkspace, reconciliationId: number) {
  const page: ReportPage = await ws.call('reports:reconciliation', {
    reconciliationId,
    limit: 500,
    timeZone: 'UTC',
  });
  const col = (name: string) => {
    const at = page.columns.indexOf(name);
    if (at < 0) throw new Error(`no column ${name}`);
    return at;
  };
  const rows = page.rows.map((row) =>
    Object.fromEntries(page.columns.map((c) => [c, row[col(c)]!])),
  );
  return {
    page,
    summary: new Map(page.summary.map((line) => [line.label, line.value])),
    rows,
    row: (iccid: string) => rows.find((r) => r.ICCID === iccid)!,
  };
}

/** Resolves once the reconciliation has reported some devices asked. */
export const untilAsking = (ws: DeskWorkspace) =>
  ws.untilEvent(
    (m) =>
      m.event === 'workspace:progress' &&
      (m.payload as Progress).task === 'reports:reconcile' &&
      (m.payload as Progress).done > 0,
  );

/** ICCIDs of active devices on one carrier, to reconcile a change of. */
export const active = (desk: DeskWorkspace, carrier: Carrier, count: number) =>
  desk.iccids(`a.carrier = '${carrier}' AND d.status = 'active'`, count);
