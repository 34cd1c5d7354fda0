import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { Core } from '../../../main/core/core';
import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { startExternalCarriers, type ExternalCarriers } from '../../support/externalCarriers';
import { sandboxCore } from '../../support/sandboxCore';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const open: (Core | ExternalCarriers)[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function workspaceWithCarriers(
  devices: number,
  faults: Parameters<typeof startExternalCarriers>[1],
) {
  const dataDir = tempDir();
  const file = databaseFile(dataDir);
  const db = openStore(file);
  await seedSandbox(db, { devices });
  const targets = db
    .prepare("SELECT iccid FROM devices WHERE status = 'active' ORDER BY id")
    .pluck()
    .all() as string[];
  db.close();
  const carriers = await startExternalCarriers(file, faults);
  open.push(carriers);
  const desk = sandboxCore(dataDir, {
    sandboxDevices: undefined,
    keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
  });
  open.push(desk.core);
  return { desk, carriers, file, targets };
}

describe('the engine under carrier faults', () => {
  it(
    'ends every change final within its attempts through throttling, 5xx, timeouts, resets and garbage',
    { timeout: 120_000 },
    async () => {
      const { desk, carriers, file, targets } = await workspaceWithCarriers(1000, {
        throttleRate: 0.08,
        errorRate: 0.08,
        resetRate: 0.05,
        malformedRate: 0.04,
        timeoutRate: 0.03,
        hangMs: 300,
        retryAfterSeconds: 0,
      });
      const created = await desk.call('bulk:create', {
        changeType: 'statusUpdate',
        params: { action: 'suspend' },
        devices: targets,
        submit: true,
      });
      const final = await desk.untilFinal(created.bulkChangeId);
      expect(final.done).toBe(targets.length);
      expect(['PROCESSED', 'PARTIAL']).toContain(final.status);

      const db = new Database(file, { readonly: true });
      expect(
        db
          .prepare(
            "SELECT count(*) FROM device_changes WHERE status IN ('PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER')",
          )
          .pluck()
          .get(),
      ).toBe(0);
      expect(
        db
          .prepare('SELECT count(*) FROM device_changes WHERE attempts > max_attempts')
          .pluck()
          .get(),
      ).toBe(0);
      const retried = db
        .prepare('SELECT count(*) FROM device_changes WHERE attempts > 1')
        .pluck()
        .get() as number;
      expect(retried).toBeGreaterThan(10);
      const failed = db
        .prepare("SELECT error_message FROM device_changes WHERE status = 'FAILED'")
        .pluck()
        .all() as string[];
      for (const message of failed) expect(message).toMatch(/Gave up after 5 attempts/);
      expect(failed.length).toBeLessThan(targets.length * 0.02);
      db.close();
      for (const sim of carriers.sims.values())
        expect(sim.applied.duplicates(), sim.name).toEqual([]);
      expect(carriers.thingspaceLocked()).toBe(false);
      expect(await desk.call('audit:verify', {})).toMatchObject({ ok: true });
      console.log(
        `fault soak: ${targets.length} changes, ${retried} retried, ${failed.length} gave up, ${final.counts.NEEDS_REVIEW} for review`,
      );
    },
  );

  it(
    'waits out a carrier that cannot be reached without spending attempts, and says why',
    { timeout: 60_000 },
    async () => {
      const { desk, carriers, file } = await workspaceWithCarriers(300, {});
      const jasper = carriers.sims.get('jasper')!;
      jasper.setFaults({ resetRate: 1 });
      const devices = (
        await desk.call('devices:list', { carriers: ['jasper'], statuses: ['active'], limit: 5 })
      ).rows.map((r) => r.iccid);
      const waiting = new Promise<BulkProgress>((resolve) => {
        const check = setInterval(() => {
          const seen = desk.events.find(
            (e) =>
              e.event === 'bulk:progress' &&
              (e.payload as BulkProgress).lanes.some((l) => l.state === 'waiting'),
          );
          if (seen) {
            clearInterval(check);
            resolve(seen.payload as BulkProgress);
          }
        }, 20);
      });
      const created = await desk.call('bulk:create', {
        changeType: 'statusUpdate',
        params: { action: 'suspend' },
        devices,
        submit: true,
      });
      const blocked = await waiting;
      expect(blocked.lanes[0]).toMatchObject({
        carrier: 'jasper',
        state: 'waiting',
        reason: expect.stringMatching(/could not be reached/),
      });
      jasper.setFaults({ resetRate: 0 });
      expect(await desk.untilFinal(created.bulkChangeId)).toMatchObject({ status: 'PROCESSED' });
      const db = new Database(file, { readonly: true });
      // The first failed connections count; once the carrier is judged unreachable, probing spends nothing.
      const attempts = db
        .prepare('SELECT max(attempts) FROM device_changes WHERE bulk_change_id = ?')
        .pluck()
        .get(created.bulkChangeId);
      expect(attempts).toBeLessThanOrEqual(2);
      expect(jasper.callCount()).toBeGreaterThan(devices.length * 2);
      db.close();
    },
  );
});
