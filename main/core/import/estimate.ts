import type { ImportCheck } from '../../../shared/contract/imports';
import { carrierLabels, type Carrier } from '../../../shared/domain/carriers';
import { devicesPerCall, type CarrierCapabilities, type CarrierOperation } from '../carriers/types';
import { jasperCapabilities } from '../carriers/jasper/adapter';
import { pondCapabilities } from '../carriers/pond/adapter';
import { telegenceCapabilities } from '../carriers/telegence/adapter';
import { thingSpaceCapabilities } from '../carriers/thingspace/adapter';
import type { Db } from '../store/open';

const capabilities: Record<Carrier, CarrierCapabilities> = {
  thingspace: thingSpaceCapabilities,
  jasper: jasperCapabilities,
  telegence: telegenceCapabilities,
  pond: pondCapabilities,
};

/** What each carrier's adapter declares it can do. */
export const capabilitiesOf = (carrier: Carrier): CarrierCapabilities => capabilities[carrier];

const labels = new Map<string, string>();

/** "ThingSpace POST /m2m/v1/devices/actions/suspend", or null for a change only our store makes. */
export function callLabel(
  carrier: Carrier,
  operation: CarrierOperation | undefined,
): string | null {
  if (!operation) return null;
  // One string per carrier and call, shared by every row of a million-row preview.
  const key = `${carrier}:${operation}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = `${carrierLabels[carrier]} ${capabilities[carrier].requestFor(operation)}`;
    labels.set(key, label);
  }
  return label;
}

interface Lane {
  accountName: string;
  carrier: Carrier;
  ratePerSecond: number;
  maxBatch: number;
}

/** Each carrier account's pace: its configured rate limit and batch size. */
function loadLanes(db: Db): Map<number, Lane> {
  const rows = db
    .prepare(
      'SELECT id, name AS accountName, carrier, rate_limit_per_second AS ratePerSecond, max_batch_size AS maxBatch FROM carrier_accounts',
    )
    .all() as (Lane & { id: number })[];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * How long each lane will take: its devices in as few calls as the carrier allows for the
 * operation, spaced by the account's rate limit. Lanes run side by side.
 */
export function estimateLanes(
  db: Db,
  devicesByAccount: Map<number, { devices: number; operation: CarrierOperation }>,
): Pick<ImportCheck, 'lanes' | 'estimatedSeconds'> {
  const lanes = loadLanes(db);
  const result: ImportCheck['lanes'] = [];
  for (const [accountId, { devices, operation }] of devicesByAccount) {
    const lane = lanes.get(accountId);
    if (!lane) continue;
    const perCall = Math.max(
      1,
      Math.min(lane.maxBatch, devicesPerCall(capabilities[lane.carrier], operation)),
    );
    const calls = Math.ceil(devices / perCall);
    result.push({
      accountName: lane.accountName,
      carrier: lane.carrier,
      devices,
      calls,
      estimatedSeconds: Math.ceil(calls / lane.ratePerSecond),
    });
  }
  result.sort((a, b) => a.accountName.localeCompare(b.accountName));
  return {
    lanes: result,
    estimatedSeconds: result.reduce((max, lane) => Math.max(max, lane.estimatedSeconds), 0),
  };
}
