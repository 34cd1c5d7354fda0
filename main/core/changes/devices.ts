import type { Db } from '../store/open';
import type { DeviceRecord } from './handler';
import { cached } from '../store/statements';

const SELECT = `SELECT d.id, d.carrier_account_id AS accountId, a.carrier, d.iccid, d.imei, d.msisdn, d.status,
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

/** Devices whose ICCID, IMEI, MSISDN or EID is exactly these digits. */
export function devicesWith(
  db: Db,
  kind: 'iccid' | 'imei' | 'msisdn' | 'eid',
  digits: string,
): DeviceRecord[] {
  return cached(db, `${SELECT} WHERE d.${kind} = ?`).all(digits) as DeviceRecord[];
}

/**
 * Finds devices by what a desk worker pastes: ICCID, IMEI or MSISDN (digits; spaces, dashes and
 * a leading + ignored). Each value that matches no device, or more than one, is reported by position.
 */
export function findDevices(
  db: Db,
  values: readonly string[],
): {
  devices: { row: number; device: DeviceRecord }[];
  problems: { row: number; value: string; reason: string }[];
} {
  const byIccid = cached(db, `${SELECT} WHERE d.iccid = ?`);
  const byImei = cached(db, `${SELECT} WHERE d.imei = ?`);
  const byMsisdn = cached(db, `${SELECT} WHERE d.msisdn = ?`);
  const devices: { row: number; device: DeviceRecord }[] = [];
  const problems: { row: number; value: string; reason: string }[] = [];
  const seen = new Set<number>();
  values.forEach((value, index) => {
    const digits = value.replace(/[\s\-+()]/g, '');
    const row = index + 1;
    if (!/^\d+$/.test(digits)) {
      problems.push({
        row,
        value,
        reason: `"${value}" is not an ICCID, IMEI or MSISDN (only digits are).`,
      });
      return;
    }
    const matches = [
      ...(byIccid.all(digits) as DeviceRecord[]),
      ...(byImei.all(digits) as DeviceRecord[]),
      ...(byMsisdn.all(digits) as DeviceRecord[]),
    ];
    const unique = [...new Map(matches.map((d) => [d.id, d])).values()];
    if (unique.length === 0)
      problems.push({
        row,
        value,
        reason: `No device in the inventory has ICCID, IMEI or MSISDN ${digits}.`,
      });
    else if (unique.length > 1)
      problems.push({
        row,
        value,
        reason: `${digits} matches ${unique.length} devices; use the ICCID instead.`,
      });
    else if (seen.has(unique[0]!.id))
      problems.push({
        row,
        value,
        reason: `${digits} is listed twice; each device can appear once in a bulk change.`,
      });
    else {
      seen.add(unique[0]!.id);
      devices.push({ row, device: unique[0]! });
    }
  });
  return { devices, problems };
}
