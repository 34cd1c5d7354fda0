import Database from 'better-sqlite3';
import type { FaultInput } from '../../main/core/simulators/common/faults';
import type { Simulator } from '../../main/core/simulators/common/server';
import { jasperSandboxCredentials, startJasperSimulator } from '../../main/core/simulators/jasper';
import { pondSandboxCredentials, startPondSimulator } from '../../main/core/simulators/pond';
import {
  startTelegenceSimulator,
  telegenceSandboxCredentials,
} from '../../main/core/simulators/telegence';
import {
  startThingSpaceSimulator,
  thingspaceSandboxCredentials,
} from '../../main/core/simulators/thingspace';
import { accountSimulatorSeed } from '../../main/core/simulators/sandbox';

export interface ExternalCarriers {
  sims: Map<string, Simulator>;
  thingspaceLocked(): boolean;
  close(): Promise<void>;
}

/**
 * Carrier simulators running in the test's process, seeded from a workspace's sandbox devices,
 * with the workspace's sandbox accounts pointed at them. They outlive any engine process, so
 * their apply counters can prove nothing ran twice; lanes are widened so tests run quickly.
 */
export async function startExternalCarriers(
  databaseFile: string,
  faults: FaultInput = {},
): Promise<ExternalCarriers> {
  const db = new Database(databaseFile);
  const accounts = db.prepare('SELECT id, carrier FROM carrier_accounts').all() as {
    id: number;
    carrier: string;
  }[];
  const sims = new Map<string, Simulator>();
  let thingspaceLocked = () => false;
  for (const account of accounts) {
    const { devices, ratePlans } = accountSimulatorSeed(db, account.id);
    const setup = { devices, ratePlans, seed: account.id, faults };
    const wide = { rateLimit: { perSecond: 10_000, concurrency: 64 } };
    let sim: Simulator;
    if (account.carrier === 'jasper')
      sim = (
        await startJasperSimulator({
          ...setup,
          credentials: jasperSandboxCredentials,
          settings: wide,
        })
      ).sim;
    else if (account.carrier === 'pond')
      sim = (
        await startPondSimulator({ ...setup, credentials: pondSandboxCredentials, settings: wide })
      ).sim;
    else if (account.carrier === 'telegence')
      sim = (await startTelegenceSimulator({ ...setup, credentials: telegenceSandboxCredentials }))
        .sim;
    else {
      const thingspace = await startThingSpaceSimulator({
        ...setup,
        credentials: thingspaceSandboxCredentials,
        settings: { changeLatencyMs: 150 },
      });
      sim = thingspace.sim;
      thingspaceLocked = () => thingspace.isLocked(thingspaceSandboxCredentials.username);
    }
    sims.set(account.carrier, sim);
    db.prepare(
      'UPDATE carrier_accounts SET base_url = ?, rate_limit_per_second = 300, max_concurrency = 6 WHERE id = ?',
    ).run(sim.url, account.id);
  }
  db.close();
  return {
    sims,
    thingspaceLocked: () => thingspaceLocked(),
    close: async () => {
      for (const sim of sims.values()) await sim.close();
    },
  };
}
