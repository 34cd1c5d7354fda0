import type { Db } from '../store/open';
import type { DeviceRecord } from './handler';
import { cached } from '../store/statements';
import { matchIdentifiers } from '../devices/match';

const SELECT = `SELECT d.id, d.carrier_account_id AS accountId, a.carrier, d.iccid, d.imei, d.msisdn, d.eid, d.status,
    p.code AS carrierRatePlan, d.customer_id AS customerId, d.site_id AS siteId,
    d.customer_rate_plan_id AS customerRatePlanId, d.customer_pool_id AS customerPoolId,
    d.data_allocation_mb AS dataAllocationMb, c.tenant_id AS tenantId
  FROM devices d
  JOIN carrier_accounts a ON a.id = d.carrier_account_id
  LEFT JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id
  LEFT JOIN customers c ON c.id = d.customer_id`;

/** Devices by id, as change handlers see them. */
export function loadDevices(db: Db, ids: readonly number[]): Map<number, DeviceRecord> {
  const found = new Map<number, DeviceRecord>();
  const statement = cached(db, `${SELECT} WHERE d.id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 5000) {
    for (const row of statement.all(JSON.stringify(ids.slice(i, i + 5000))) as DeviceRecord[])
      found.set(row.id, row);
  }
  return found;
}

/** Devices by one identifier column, for many values at once: digits → the devices that have them. */
export function devicesWithAny(
  db: Db,
  kind: 'iccid' | 'imei' | 'msisdn' | 'eid',
  values: readonly string[],
): Map<string, DeviceRecord[]> {
  const found = new Map<string, DeviceRecord[]>();
  const statement = cached(db, `${SELECT} WHERE d.${kind} IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < values.length; i += 5000)
    for (const row of statement.all(JSON.stringify(values.slice(i, i + 5000))) as DeviceRecord[]) {
      const key = row[kind]!;
      const list = found.get(key);
      if (list) list.push(row);
      else found.set(key, [row]);
    }
  return found;
}

/**
 * Finds devices by what a desk worker pastes: ICCID, IMEI, MSISDN or EID (spaces, dashes and a
 * leading + ignored), in one set-based pass. Each value that matches no device, more than one,
 * or one already listed is reported by position.
 */
export function findDevices(
  db: Db,
  values: readonly string[],
): {
  devices: { row: number; device: DeviceRecord }[];
  problems: { row: number; value: string; reason: string }[];
} {
  const matches = matchIdentifiers(db, values);
  const records = loadDevices(
    db,
    matches.flatMap((m) => (m.ok ? [m.deviceId] : [])),
  );
  const devices: { row: number; device: DeviceRecord }[] = [];
  const problems: { row: number; value: string; reason: string }[] = [];
  const seen = new Set<number>();
  matches.forEach((match, index) => {
    const row = index + 1;
    const value = values[index]!;
    if (!match.ok) problems.push({ row, value, reason: match.reason });
    else if (seen.has(match.deviceId))
      problems.push({
        row,
        value,
        reason: `${value.trim()} is listed twice; each device can appear once in a bulk change.`,
      });
    else {
      seen.add(match.deviceId);
      devices.push({ row, device: records.get(match.deviceId)! });
    }
  });
  return { devices, problems };
}
