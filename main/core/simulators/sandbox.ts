import type { Carrier } from '../../../shared/domain/carriers';
import type { CarrierCredentials } from '../../../shared/domain/credentials';
import type { Db } from '../store/open';
import type { Simulator } from './common/server';
import type { SimDevice } from './common/setup';
import { jasperSandboxCredentials, startJasperSimulator } from './jasper';
import { pondSandboxCredentials, startPondSimulator } from './pond';
import { startTelegenceSimulator, telegenceSandboxCredentials } from './telegence';
import { startThingSpaceSimulator, thingspaceSandboxCredentials } from './thingspace';

/** Rehearsals shouldn't wait the real minutes for asynchronous carriers to finish. */
const sandboxPace = {
  thingspace: { activationLatencyMs: 8_000, changeLatencyMs: 3_000 },
  telegence: { reservedAfterMs: 2_000, completeAfterMs: 6_000 },
};

/** What a simulator for one account is seeded with: the account's devices and its plan catalog. */
export function accountSimulatorSeed(
  db: Db,
  accountId: number,
): { devices: SimDevice[]; ratePlans: { code: string; name: string }[] } {
  const devices = db
    .prepare(
      `SELECT d.iccid, d.imei, d.msisdn, d.status, p.code AS ratePlan, d.communication_plan AS communicationPlan
       FROM devices d LEFT JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id WHERE d.carrier_account_id = ?`,
    )
    .all(accountId) as SimDevice[];
  const ratePlans = db
    .prepare('SELECT code, name FROM carrier_rate_plans WHERE carrier_account_id = ?')
    .all(accountId) as { code: string; name: string }[];
  return { devices, ratePlans };
}

/** The fixed, not-secret credentials every sandbox simulator accepts. */
export function sandboxCredentials(carrier: Carrier): CarrierCredentials {
  switch (carrier) {
    case 'thingspace':
      return { carrier, ...thingspaceSandboxCredentials };
    case 'jasper':
      return { carrier, ...jasperSandboxCredentials };
    case 'telegence':
      return { carrier, ...telegenceSandboxCredentials };
    case 'pond':
      return { carrier, ...pondSandboxCredentials };
  }
}

export interface SandboxCarrier {
  url: string;
  credentials: CarrierCredentials;
  sim: Simulator;
}

/**
 * The sandbox workspace's carriers: each sandbox account runs on its carrier's simulator,
 * seeded from the account's devices and plans, started on first use and kept for the session.
 */
export class SandboxCarriers {
  private readonly running = new Map<number, Promise<SandboxCarrier>>();

  constructor(private readonly db: Db) {}

  /** The simulator serving a sandbox account, started if it isn't yet. */
  forAccount(accountId: number, carrier: Carrier): Promise<SandboxCarrier> {
    let started = this.running.get(accountId);
    if (!started) {
      started = this.start(accountId, carrier);
      this.running.set(accountId, started);
      started.catch(() => this.running.delete(accountId));
    }
    return started;
  }

  async close(): Promise<void> {
    const all = await Promise.allSettled([...this.running.values()]);
    this.running.clear();
    await Promise.all(all.map((s) => (s.status === 'fulfilled' ? s.value.sim.close() : undefined)));
  }

  private async start(accountId: number, carrier: Carrier): Promise<SandboxCarrier> {
    const { devices, ratePlans } = accountSimulatorSeed(this.db, accountId);
    const setup = { devices, ratePlans, seed: accountId };
    switch (carrier) {
      case 'thingspace': {
        const { sim } = await startThingSpaceSimulator({
          ...setup,
          credentials: thingspaceSandboxCredentials,
          settings: sandboxPace.thingspace,
        });
        return { url: sim.url, sim, credentials: { carrier, ...thingspaceSandboxCredentials } };
      }
      case 'jasper': {
        const { sim } = await startJasperSimulator({
          ...setup,
          credentials: jasperSandboxCredentials,
        });
        return { url: sim.url, sim, credentials: { carrier, ...jasperSandboxCredentials } };
      }
      case 'telegence': {
        const { sim } = await startTelegenceSimulator({
          ...setup,
          credentials: telegenceSandboxCredentials,
          settings: sandboxPace.telegence,
        });
        return { url: sim.url, sim, credentials: { carrier, ...telegenceSandboxCredentials } };
      }
      case 'pond': {
        const { sim } = await startPondSimulator({ ...setup, credentials: pondSandboxCredentials });
        return { url: sim.url, sim, credentials: { carrier, ...pondSandboxCredentials } };
      }
    }
  }
}
