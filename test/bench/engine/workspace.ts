// The engine bench's workspace: a seeded sandbox whose carrier accounts point at simulators
// started here with zero added latency, zero carrier-side pacing and no enforced carrier limits.
import type { Carrier } from '../../../shared/domain/carriers';
import type { CarrierCredentials } from '../../../shared/domain/credentials';
import type { DeviceStatus } from '../../../shared/domain/devices';
import { carrierStatusWords } from '../../../main/core/carriers/statuses';
import type { Keychain } from '../../../main/core/credentials/keychain';
import type { Simulator } from '../../../main/core/simulators/common/server';
import {
  jasperSandboxCredentials,
  startJasperSimulator,
} from '../../../main/core/simulators/jasper';
import { pondSandboxCredentials, startPondSimulator } from '../../../main/core/simulators/pond';
import {
  startTelegenceSimulator,
  telegenceSandboxCredentials,
} from '../../../main/core/simulators/telegence';
import {
  startThingSpaceSimulator,
  thingspaceSandboxCredentials,
} from '../../../main/core/simulators/thingspace';
import type { Db } from '../../../main/core/store/open';
import { accountSimulatorSeed } from '../../../main/core/simulators/sandbox';

/** What the bench lifts the accounts' lanes to, so the engine, not the carrier, is the limit. */
export const LIFTED = { ratePerSecond: 2000, concurrency: 16 };

export interface Account {
  id: number;
  carrier: Carrier;
  rateLimitPerSecond: number;
  maxConcurrency: number;
}

export const accountsOf = (db: Db): Account[] =>
  db
    .prepare(
      `SELECT id, carrier, rate_limit_per_second AS rateLimitPerSecond, max_concurrency AS maxConcurrency
       FROM carrier_accounts ORDER BY id`,
    )
    .all() as Account[];

/** Makes the first `count` devices of an account that are in `from` statuses `to`, as a carrier would show them. */
export function forceStatus(
  db: Db,
  account: Account,
  from: DeviceStatus[],
  to: 'active' | 'inventory',
  count: number,
): number {
  const ids = db
    .prepare(
      `SELECT id FROM devices WHERE carrier_account_id = ? AND status IN (SELECT value FROM json_each(?))
       ORDER BY id LIMIT ?`,
    )
    .pluck()
    .all(account.id, JSON.stringify(from), count) as number[];
  const word = carrierStatusWords[account.carrier][to];
  const statement =
    to === 'active'
      ? db.prepare(
          "UPDATE devices SET status = 'active', carrier_status = ?, activated_at = coalesce(activated_at, '2025-01-01T00:00:00.000Z') WHERE id = ?",
        )
      : // An inventory SIM has no line, no customer and no billing terms yet.
        db.prepare(
          `UPDATE devices SET status = 'inventory', carrier_status = ?, msisdn = NULL, customer_id = NULL, site_id = NULL,
             customer_rate_plan_id = NULL, customer_pool_id = NULL, data_allocation_mb = NULL, activated_at = NULL
           WHERE id = ?`,
        );
  db.transaction(() => {
    for (const id of ids) statement.run(word, id);
  })();
  return ids.length;
}

export interface BenchCarrier {
  account: Account;
  sim: Simulator;
  credentials: CarrierCredentials;
}

/**
 * Starts the account's simulator seeded from its devices, as the sandbox does, but with no
 * added latency, asynchronous carriers finishing at once, and limits counted rather than enforced.
 */
export async function startCarrier(db: Db, account: Account): Promise<BenchCarrier> {
  const { devices, ratePlans } = accountSimulatorSeed(db, account.id);
  const setup = { devices, ratePlans, seed: account.id, faults: { latencyMs: 0 } };
  switch (account.carrier) {
    case 'jasper': {
      const { sim } = await startJasperSimulator({
        ...setup,
        credentials: jasperSandboxCredentials,
        settings: { rateLimit: { onExceed: 'count' } },
      });
      return { account, sim, credentials: { carrier: 'jasper', ...jasperSandboxCredentials } };
    }
    case 'telegence': {
      const { sim } = await startTelegenceSimulator({
        ...setup,
        credentials: telegenceSandboxCredentials,
        settings: { reservedAfterMs: 0, completeAfterMs: 0 },
      });
      return {
        account,
        sim,
        credentials: { carrier: 'telegence', ...telegenceSandboxCredentials },
      };
    }
    case 'thingspace': {
      const { sim } = await startThingSpaceSimulator({
        ...setup,
        credentials: thingspaceSandboxCredentials,
        settings: { activationLatencyMs: 0, changeLatencyMs: 0 },
      });
      return {
        account,
        sim,
        credentials: { carrier: 'thingspace', ...thingspaceSandboxCredentials },
      };
    }
    case 'pond': {
      const { sim } = await startPondSimulator({
        ...setup,
        credentials: pondSandboxCredentials,
        settings: { rateLimit: { onExceed: 'count' } },
      });
      return { account, sim, credentials: { carrier: 'pond', ...pondSandboxCredentials } };
    }
  }
}

/**
 * Points an account at its bench simulator. The sandbox's own simulators enforce the carriers'
 * documented limits (Cisco answers a sixth call in a second with 429), so the account becomes a
 * "live" account on loopback whose credentials come from the bench's in-memory keychain, and its
 * lane is lifted to LIFTED.
 */
export function pointAt(db: Db, carrier: BenchCarrier): void {
  db.prepare(
    `UPDATE carrier_accounts SET mode = 'live', base_url = ?, credential_ref = ?, rate_limit_per_second = ?, max_concurrency = ?
     WHERE id = ?`,
  ).run(
    carrier.sim.url,
    `bench-account-${carrier.account.id}`,
    LIFTED.ratePerSecond,
    LIFTED.concurrency,
    carrier.account.id,
  );
}

/** The keychain openCore reads live credentials from: the simulators' fake ones, in memory. */
export function benchKeychain(carriers: BenchCarrier[]): Keychain {
  const secrets = new Map(
    carriers.map((c) => [`bench-account-${c.account.id}`, JSON.stringify(c.credentials)]),
  );
  return {
    save: (ref, secret) => void secrets.set(ref, secret),
    read: (ref) => secrets.get(ref),
    clear: (ref) => void secrets.delete(ref),
  };
}
