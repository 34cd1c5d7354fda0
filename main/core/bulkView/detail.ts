import type { BulkDetail } from '../../../shared/contract/bulkView';
import type { AccountMode, Carrier } from '../../../shared/domain/carriers';
import type { DeviceChangeStatus } from '../../../shared/domain/changes';
import { summary } from '../bulk/service';
import { emptyCounts } from './counts';
import { groupLabel } from '../import/groups';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

interface LaneCount {
  accountId: number;
  accountName: string;
  carrier: Carrier;
  mode: AccountMode;
  status: DeviceChangeStatus;
  n: number;
}

// Carrier changes count by their lane; changes made only in our store have no lane, so they
// count by the account the device lives on: the header still names the carriers involved.
const LANE_COUNTS = `
  SELECT a.id AS accountId, a.name AS accountName, a.carrier, a.mode, g.status, sum(g.n) AS n
  FROM (
    SELECT lane_account_id AS account, status, count(*) AS n FROM device_changes
      WHERE bulk_change_id = @id AND lane_account_id IS NOT NULL GROUP BY lane_account_id, status
    UNION ALL
    SELECT d.carrier_account_id, dc.status, count(*) FROM device_changes dc JOIN devices d ON d.id = dc.device_id
      WHERE dc.bulk_change_id = @id AND dc.lane_account_id IS NULL GROUP BY d.carrier_account_id, dc.status
  ) g JOIN carrier_accounts a ON a.id = g.account
  GROUP BY a.id, g.status ORDER BY a.name`;

/** The bulk change view's header: what, who, when, from which file, and counts per carrier account. */
export function bulkDetail(db: Db, id: number): BulkDetail {
  const base = summary(db, id);
  const extra = cached(
    db,
    // An identifier change's params hold every swap; the label needs none of them.
    "SELECT json_remove(request_json, '$.swaps') AS json, submitted_at AS submittedAt, source_name AS sourceName FROM bulk_changes WHERE id = ?",
  ).get(id) as { json: string; submittedAt: string | null; sourceName: string | null };
  const lanes = new Map<number, BulkDetail['lanes'][number]>();
  for (const row of cached(db, LANE_COUNTS).all({ id }) as LaneCount[]) {
    let lane = lanes.get(row.accountId);
    if (!lane) {
      const { accountId, accountName, carrier, mode } = row;
      lane = { accountId, accountName, carrier, mode, counts: emptyCounts() };
      lanes.set(row.accountId, lane);
    }
    lane.counts[row.status] = row.n;
  }
  return {
    ...base,
    description: groupLabel(base.changeType, JSON.parse(extra.json) as Record<string, unknown>, db),
    submittedAt: extra.submittedAt,
    sourceName: extra.sourceName,
    lanes: [...lanes.values()],
    total: Object.values(base.counts).reduce((sum, n) => sum + n, 0),
  };
}
