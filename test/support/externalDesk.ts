import type { Carrier } from '../../shared/domain/carriers';
import { openStore } from '../../main/core/store/open';
import { databaseFile } from '../../main/core/workspace/paths';
import { seedSandbox } from '../../main/core/workspace/seedSandbox';
import { startExternalCarriers } from './externalCarriers';
import { sandboxCore } from './sandboxCore';

/**
 * A seeded sandbox workspace whose accounts point at simulators in this process, and a core on
 * it: for tests that edit an account while work runs on it. Returns `count` active devices of
 * `carrier` and that carrier's account; the caller closes the core, then the simulators.
 */
export async function deskOnExternalCarriers(dataDir: string, carrier: Carrier, count: number) {
  const file = databaseFile(dataDir);
  const db = openStore(file);
  await seedSandbox(db, { devices: 200 });
  const devices = db
    .prepare(
      "SELECT d.iccid FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE a.carrier = ? AND d.status = 'active' ORDER BY d.id LIMIT ?",
    )
    .pluck()
    .all(carrier, count) as string[];
  const accountId = db
    .prepare('SELECT id FROM carrier_accounts WHERE carrier = ?')
    .pluck()
    .get(carrier) as number;
  db.close();
  const carriers = await startExternalCarriers(file);
  // Sandbox accounts never touch the keychain.
  const desk = sandboxCore(dataDir, {
    sandboxDevices: undefined,
    keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
  });
  return { carriers, desk, devices, accountId };
}
