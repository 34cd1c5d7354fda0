import type { DeviceSelection } from '../../../shared/contract/devices';
import { StatusAction } from '../../../shared/domain/changes';
import type { Carrier } from '../../../shared/domain/carriers';
import type { DeviceStatus } from '../../../shared/domain/devices';
import { capabilitiesOf } from './estimate';
import { statusMoves } from '../changes/statusUpdate';
import { resolveSelection } from '../devices/selection';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import type { Sessions } from './session';

/** A session over devices picked in the grid: one ICCID per row, numbered in selection order. */
export function selectionSession(db: Db, sessions: Sessions, selection: DeviceSelection) {
  const { iccids } = resolveSelection(db, selection);
  if (iccids.length === 0)
    throw new CoreError(
      'invalid_request',
      'None of the selected devices is in the inventory any more; select again.',
    );
  const allowed = new Set<StatusAction>();
  const accounts = new Set<number>();
  const query = db.prepare(
    `SELECT DISTINCT d.status, d.carrier_account_id AS accountId, a.carrier FROM devices d
     JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE d.iccid IN (SELECT value FROM json_each(?))`,
  );
  for (let i = 0; i < iccids.length; i += 10_000)
    for (const row of query.all(JSON.stringify(iccids.slice(i, i + 10_000))) as {
      status: DeviceStatus;
      accountId: number;
      carrier: Carrier;
    }[]) {
      accounts.add(row.accountId);
      for (const action of capabilitiesOf(row.carrier).statusActions)
        if (statusMoves[action].from.includes(row.status)) allowed.add(action);
    }
  const session = sessions.add({
    fileName: `${iccids.length.toLocaleString('en-US')} selected devices`,
    format: 'selection',
    encoding: null,
    delimiter: null,
    workbook: null,
    sheet: 'Selection',
    table: {
      headers: ['ICCID'],
      headerRow: 1,
      rows: iccids.map((iccid, i) => ({ row: i + 1, cells: [iccid] })),
    },
    mapping: [{ column: 0, field: 'iccid' }],
    mappingSource: 'detected',
    notes: [],
    setup: null,
    draftId: null,
    title: null,
  });
  return {
    importId: session.id,
    devices: iccids.length,
    accountIds: [...accounts].sort((a, b) => a - b),
    allowedActions: StatusAction.options.filter((action) => allowed.has(action)),
  };
}
