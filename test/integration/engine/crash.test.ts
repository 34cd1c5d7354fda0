import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import type { Simulator } from '../../../main/core/simulators/common/server';
import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { seededRandom } from '../../../main/core/workspace/random';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { startExternalCarriers } from '../../support/externalCarriers';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir('file');
const child = fileURLToPath(new URL('../../support/engineChild.ts', import.meta.url));
const sims: Simulator[] = [];
afterAll(async () => {
  for (const sim of sims) await sim.close();
});

interface Run {
  process: ChildProcess;
  lines: AsyncIterableIterator<string>;
}

function runEngine(dataDir: string, target: string): Run {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { process: proc, lines: createInterface({ input: proc.stdout! })[Symbol.asyncIterator]() };
}

/** Reads the child's lines until `stop` says so or it ends; resolves with the last one seen. */
async function readUntil(
  run: Run,
  stop: (line: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown> | undefined> {
  for (;;) {
    const next = await run.lines.next();
    if (next.done) return undefined;
    const line = JSON.parse(next.value) as Record<string, unknown>;
    if (stop(line)) return line;
  }
}

const exited = (proc: ChildProcess) =>
  new Promise<void>((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? resolve()
      : proc.once('exit', () => resolve()),
  );

describe('the engine under crashes', () => {
  it(
    'loses no device change and applies none twice when killed at random points',
    { timeout: 240_000 },
    async () => {
      const dataDir = tempDir();
      const file = databaseFile(dataDir);
      const seeded = openStore(file);
      await seedSandbox(seeded, { devices: 3000 });
      const targets = seeded
        .prepare("SELECT iccid FROM devices WHERE status = 'active' ORDER BY id")
        .pluck()
        .all() as string[];
      seeded.close();
      const external = await startExternalCarriers(file);
      sims.push(...external.sims.values());
      const carriers = external.sims;
      const list = join(dataDir, 'devices.txt');
      writeFileSync(list, targets.join('\n'));

      const random = seededRandom(42);
      let run = runEngine(dataDir, list);
      const first = await readUntil(run, (line) => 'bulkId' in line);
      const bulkId = String(first!.bulkId);
      let kills = 0;
      for (; kills < 8; kills += 1) {
        // Let it get a random way into the work, then kill it without warning.
        let progressLines = Math.floor(random() * 4);
        const last = await readUntil(
          run,
          (line) => 'done' in line || ('progress' in line && progressLines-- <= 0),
        );
        if (!last || 'done' in last) break;
        run.process.kill('SIGKILL');
        await exited(run.process);
        run = runEngine(dataDir, bulkId);
        await readUntil(run, (line) => 'bulkId' in line);
      }
      await readUntil(run, (line) => 'done' in line);
      await exited(run.process);
      expect(kills).toBeGreaterThanOrEqual(3);

      const db = new Database(file, { readonly: true });
      const counts = Object.fromEntries(
        (
          db.prepare('SELECT status, count(*) AS n FROM device_changes GROUP BY status').all() as {
            status: string;
            n: number;
          }[]
        ).map((r) => [r.status, r.n]),
      );
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(targets.length);
      expect(counts.PENDING ?? 0).toBe(0);
      expect(counts.IN_FLIGHT ?? 0).toBe(0);
      expect(counts.AWAITING_CARRIER ?? 0).toBe(0);
      expect(counts.FAILED ?? 0).toBe(0);
      for (const sim of carriers.values()) expect(sim.applied.duplicates(), sim.name).toEqual([]);
      // Every success is real at the carrier; anything the engine could not decide was parked with a reason.
      const succeeded = db
        .prepare("SELECT dc.iccid FROM device_changes dc WHERE dc.status = 'SUCCEEDED'")
        .pluck()
        .all() as string[];
      const appliedTotal = [...carriers.values()].reduce(
        (sum, sim) => sum + sim.applied.total(),
        0,
      );
      expect(appliedTotal).toBeGreaterThanOrEqual(succeeded.length);
      const reviews = db
        .prepare("SELECT error_message FROM device_changes WHERE status = 'NEEDS_REVIEW'")
        .pluck()
        .all() as string[];
      for (const message of reviews)
        expect(message).toMatch(/console stopped while this change was being sent/);
      expect(
        db.prepare('SELECT status FROM bulk_changes WHERE id = ?').pluck().get(Number(bulkId)),
      ).toMatch(/PROCESSED|PARTIAL/);
      const notSuspended = db
        .prepare(
          "SELECT count(*) FROM device_changes dc JOIN devices d ON d.id = dc.device_id WHERE dc.status = 'SUCCEEDED' AND d.status <> 'suspended'",
        )
        .pluck()
        .get();
      expect(notSuspended).toBe(0);
      expect(await new AuditLog(db).verify()).toMatchObject({ ok: true });
      db.close();
      console.log(
        `crash test: ${targets.length} device changes, ${kills} kills, ${counts.SUCCEEDED ?? 0} succeeded, ${reviews.length} parked for review`,
      );
    },
  );
});
