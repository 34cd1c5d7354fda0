import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import {
  buildEvidencePack,
  type EvidenceFile,
  type EvidencePackOptions,
} from '../../../main/core/reports/evidence/buildEvidencePack';
import { openStore, type Db } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { sandboxCore } from '../../support/sandboxCore';
import { useTempDir } from '../../support/tempDir';
import { readmeCommands, runProcedure } from './auditorProcedure';

/**
 * A closed sandbox workspace where two bulk changes ran side by side, so each one's audit entries
 * are interleaved with the other's in the chain, as on a busy desk.
 */
async function twoFinishedBulkChanges(dataDir: string): Promise<[number, number]> {
  const desk = sandboxCore(dataDir);
  try {
    const page = await desk.call('devices:list', { statuses: ['active'], limit: 12 });
    const iccids = page.rows.map((row) => row.iccid);
    const ids: number[] = [];
    for (const devices of [iccids.slice(0, 6), iccids.slice(6)]) {
      const created = await desk.call('bulk:create', {
        changeType: 'statusUpdate',
        params: { action: 'suspend' },
        devices,
        submit: true,
      });
      ids.push(created.bulkChangeId);
    }
    await Promise.all(ids.map((id) => desk.untilFinal(id)));
    return [ids[0]!, ids[1]!];
  } finally {
    await desk.core.close();
  }
}

/** A copy of a closed workspace's database in `dir`, opened; closing the last connection checkpoints the WAL. */
function copyOfDatabase(fromDataDir: string, dir: string): Db {
  if (existsSync(`${databaseFile(fromDataDir)}-wal`)) throw new Error('workspace still open');
  copyFileSync(databaseFile(fromDataDir), databaseFile(dir));
  return openStore(databaseFile(dir));
}

/** Builds a pack into `dir/<packName>` and returns its path. */
async function packInto(
  db: Db,
  bulkChangeId: number,
  files: EvidenceFile[],
  dir: string,
  options: EvidencePackOptions & { packName: string },
): Promise<string> {
  const path = join(dir, options.packName);
  const out = createWriteStream(path);
  await buildEvidencePack(db, bulkChangeId, files, out, options);
  out.end();
  await finished(out);
  return path;
}

const tempDir = useTempDir();
const workspaceDir = useTempDir('file')();
let bulkIds: [number, number];
beforeAll(async () => {
  bulkIds = await twoFinishedBulkChanges(workspaceDir);
});

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const SOURCE = Buffer.from('ICCID\n89014100000010000002\n');
const REPORT = 'iccid,outcome\n89014100000010000002,SUCCEEDED\n';

/** A pack of the first bulk change, read as an auditor would: README first, straight from the zip. */
async function auditorsCopy(db: Db) {
  const dir = tempDir();
  const packName = `evidence-bulk-change-${bulkIds[0]}.zip`;
  const pack = await packInto(db, bulkIds[0], [{ name: 'devices.csv', content: REPORT }], dir, {
    packName,
    source: { name: 'customer sims.csv', content: SOURCE },
  });
  const readme = spawnSync('unzip', ['-p', pack, 'README.txt'], { encoding: 'utf8' }).stdout;
  const commands = readmeCommands(readme);
  const cd = commands.indexOf('cd evidence');
  return { dir, commands, unpacked: join(dir, 'evidence'), afterUnpack: commands.slice(cd + 1) };
}

describe('an evidence pack checked by the procedure in its README', () => {
  it('passes unzip, sha256sum -c and the hash recomputation for a real bulk change', async () => {
    const db = copyOfDatabase(workspaceDir, tempDir());
    const { dir, commands, unpacked } = await auditorsCopy(db);
    expect(commands[0]).toMatch(/^unzip /);
    const run = runProcedure(commands, dir);
    expect(run.output).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
    expect(run.output).toContain('reports/devices.csv: OK');
    expect(run.output).toContain('source/customer sims.csv: OK');

    const record = JSON.parse(readFileSync(join(unpacked, 'verification.json'), 'utf8'));
    const head = new AuditLog(db).head();
    expect(record).toMatchObject({
      bulkChangeId: bulkIds[0],
      chainHead: { lastId: head.lastId, hash: head.hash, entries: head.count },
      verification: { ok: true, count: head.count, headId: head.lastId, headHash: head.hash },
      source: { name: 'customer sims.csv', sha256: sha256(SOURCE), included: true },
    });
    const segment = readFileSync(join(unpacked, 'chain-segment.jsonl'), 'utf8').trim().split('\n');
    expect(run.output).toContain(`all ${segment.length} entries match their hashes`);
    expect(record.segment.entries).toBe(segment.length);
    const ids = segment.map((line) => (JSON.parse(line) as { id: number }).id);
    // The two bulk changes ran side by side: this one's entries skip the other's.
    expect(ids.some((id, i) => i > 0 && id !== ids[i - 1]! + 1)).toBe(true);
    db.close();
  });

  it('fails at sha256sum naming the report in which one byte was changed', async () => {
    const db = copyOfDatabase(workspaceDir, tempDir());
    const { dir, commands, unpacked, afterUnpack } = await auditorsCopy(db);
    db.close();
    expect(runProcedure(commands, dir).status).toBe(0);
    const report = join(unpacked, 'reports', 'devices.csv');
    writeFileSync(report, readFileSync(report, 'utf8').replace('SUCCEEDED', 'SUCCEEDEE'));
    const run = runProcedure(afterUnpack, unpacked);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('reports/devices.csv: FAILED');
    expect(run.output).toContain('README.txt: OK');
  });

  it('names the entry whose content was edited even when SHA256SUMS was recomputed to match', async () => {
    const db = copyOfDatabase(workspaceDir, tempDir());
    const { dir, commands, unpacked, afterUnpack } = await auditorsCopy(db);
    db.close();
    expect(runProcedure(commands, dir).status).toBe(0);
    const segmentFile = join(unpacked, 'chain-segment.jsonl');
    const lines = readFileSync(segmentFile, 'utf8').trim().split('\n');
    const edited = JSON.parse(lines[1]!) as { id: number; content: unknown[] };
    edited.content[5] = 'FAILED: carrier said no';
    lines[1] = JSON.stringify(edited);
    const segment = lines.join('\n') + '\n';
    writeFileSync(segmentFile, segment);
    const sums = readFileSync(join(unpacked, 'SHA256SUMS'), 'utf8').replace(
      /^\w+(?= {2}chain-segment\.jsonl$)/m,
      sha256(segment),
    );
    writeFileSync(join(unpacked, 'SHA256SUMS'), sums);
    const run = runProcedure(afterUnpack, unpacked);
    expect(run.output).toContain('chain-segment.jsonl: OK');
    expect(run.output).toContain(`entry ${edited.id}: FAILED, its content does not match its hash`);
    expect(run.output).toContain(`1 of ${lines.length} entries FAILED`);
    expect(run.status).toBe(1);
  });
});

/** Overwrites every hashed column and the hashes of entry `id` with those of entry `from`. */
function copyEntry(db: Db, id: number, from: Record<string, unknown>) {
  const columns = Object.keys(from).filter((c) => c !== 'id');
  db.prepare(
    `UPDATE bulk_change_log SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
  ).run({ ...from, id });
}

describe('a tampered workspace database', () => {
  const tamperings: [string, (dir: string, db: Db) => { db: Db; expectedId: number }][] = [
    [
      'one byte of an entry changed in the database file itself',
      (dir, db) => {
        const victim = db
          .prepare<[number], { id: number; processed_at: string; prev_hash: string }>(
            'SELECT id, processed_at, prev_hash FROM bulk_change_log WHERE bulk_change_id = ? AND request_text IS NULL ORDER BY id LIMIT 1 OFFSET 2',
          )
          .get(bulkIds[0])!;
        db.close();
        // processed_at and prev_hash sit side by side in the row's record, and prev_hash is unique.
        // Page splits leave stale copies of a row in free space, so every copy gets the change.
        const file = databaseFile(dir);
        const bytes = readFileSync(file);
        const needle = Buffer.from(victim.processed_at + victim.prev_hash, 'latin1');
        let copies = 0;
        for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
          bytes[at + 3] = bytes[at + 3]! + 1; // 2026 → 2027
          copies += 1;
        }
        expect(copies).toBeGreaterThan(0);
        writeFileSync(file, bytes);
        return { db: openStore(file), expectedId: victim.id };
      },
    ],
    [
      'an entry deleted',
      (_dir, db) => {
        db.prepare('DELETE FROM bulk_change_log WHERE id = 5').run();
        return { db, expectedId: 6 };
      },
    ],
    [
      'two entries swapped, hashes and all',
      (_dir, db) => {
        const row = db.prepare<[number], Record<string, unknown>>(
          'SELECT * FROM bulk_change_log WHERE id = ?',
        );
        const [fourth, fifth] = [row.get(4)!, row.get(5)!];
        // Through a placeholder hash: the hash column is UNIQUE.
        copyEntry(db, 4, { ...fifth, hash: 'x' });
        copyEntry(db, 5, fourth);
        copyEntry(db, 4, fifth);
        return { db, expectedId: 4 };
      },
    ],
  ];

  it.each(tamperings)('is caught, naming the right entry, with %s', async (_what, tamper) => {
    const dir = tempDir();
    const exposed = copyOfDatabase(workspaceDir, dir);
    exposed.exec('DROP TRIGGER bulk_change_log_no_update; DROP TRIGGER bulk_change_log_no_delete;');
    const { db, expectedId } = tamper(dir, exposed);
    const verdict = await new AuditLog(db).verify();
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: expectedId });
    const { unpacked, dir: packDir, commands } = await auditorsCopy(db);
    db.close();
    runProcedure(commands.slice(0, commands.indexOf('cd evidence') + 1), packDir);
    const record = JSON.parse(readFileSync(join(unpacked, 'verification.json'), 'utf8'));
    expect(record.verification).toEqual(verdict);
  });
});
