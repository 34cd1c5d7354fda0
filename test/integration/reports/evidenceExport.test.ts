import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { runCli } from '../cli/cliProcess';
import { importWorkspace } from '../import/workspace';
import { readmeCommands, runProcedure } from './auditorProcedure';
import { workbookSheets } from './readBack';

// A customer's file, imported and run to the end; the pack must hold these very bytes.
const tempDir = useTempDir();
const dataDir = useTempDir('file')();
let ws: Awaited<ReturnType<typeof importWorkspace>>;
let bulkId: number;
let source: Buffer;
let suspended: string[];
beforeAll(async () => {
  ws = await importWorkspace(dataDir);
  suspended = ws.iccids("d.status = 'active'", 4);
  // Windows line ends and a BOM: kept as sent, not as we would have written it.
  source = Buffer.from(`\uFEFFICCID;Note\r\n${suspended.map((i) => `${i};lost`).join('\r\n')}\r\n`);
  const sheet = await ws.openBytes(source, 'ACME lost SIMs.csv');
  await ws.call('import:check', {
    importId: sheet.importId,
    mapping: sheet.mapping,
    setup: { changeType: 'statusUpdate', params: { action: 'suspend' } },
  });
  const submitted = await ws.call('import:submit', { importId: sheet.importId });
  bulkId = submitted.bulkChangeIds[0]!;
  await ws.untilFinal(bulkId);
}, 60_000);
let closing: Promise<void> | undefined;
const closeWorkspace = () => (closing ??= ws.close());
afterAll(closeWorkspace);

const unzipText = (pack: string, name: string) =>
  spawnSync('unzip', ['-p', pack, name], { encoding: 'utf8' }).stdout;

describe('an evidence pack exported from the console', () => {
  it('holds the imported file byte for byte, the reports, and passes the README procedure', async () => {
    const pack = (await ws.call('reports:evidencePack', {
      bulkChangeId: bulkId,
      timeZone: 'UTC',
    }))!;
    expect(pack).toMatchObject({
      fileName: expect.stringMatching(new RegExp(`^evidence-bulk-change-${bulkId}-.*\\.zip$`)),
      rows: 4,
      sourceIncluded: true,
      verification: { ok: true },
    });
    expect(pack.path).toBe(join(dataDir, 'reports', pack.fileName));
    // Only the pack is left in the folder: no scratch reports, no .partial.
    expect(readdirSync(join(dataDir, 'reports'))).toEqual([pack.fileName]);

    const dir = tempDir();
    const listing = spawnSync('unzip', ['-Z1', pack.path], { encoding: 'utf8' }).stdout;
    expect(listing.trim().split('\n').sort()).toEqual(
      [
        'README.txt',
        'SHA256SUMS',
        'chain-segment.jsonl',
        `reports/bulk-change-${bulkId}.csv`,
        `reports/bulk-change-${bulkId}.pdf`,
        `reports/bulk-change-${bulkId}.xlsx`,
        'source/ACME lost SIMs.csv',
        'verification.json',
      ].sort(),
    );
    spawnSync('cp', [pack.path, join(dir, pack.fileName)]);
    const run = runProcedure(readmeCommands(unzipText(pack.path, 'README.txt')), dir);
    expect(run.output).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
    expect(run.output).toContain('source/ACME lost SIMs.csv: OK');

    const unpacked = join(dir, 'evidence');
    expect(readFileSync(join(unpacked, 'source', 'ACME lost SIMs.csv')).equals(source)).toBe(true);
    const record = JSON.parse(readFileSync(join(unpacked, 'verification.json'), 'utf8'));
    expect(record.source).toMatchObject({ name: 'ACME lost SIMs.csv', included: true });
    const rows = workbookSheets(join(unpacked, 'reports', `bulk-change-${bulkId}.xlsx`)).sheets.get(
      'Devices',
    )!;
    expect(rows.slice(1).map((row) => row[0])).toEqual(suspended);
  });

  it('adds the latest reconciliation with the carriers, in every format', async () => {
    const run = await ws.call('reports:reconcile', { bulkChangeId: bulkId });
    expect(run).toMatchObject({ state: 'complete', devices: 4, matching: 4 });
    const pack = (await ws.call('reports:evidencePack', { bulkChangeId: bulkId }))!;
    const listing = spawnSync('unzip', ['-Z1', pack.path], { encoding: 'utf8' }).stdout;
    expect(listing).toContain(`reports/reconciliation-${run.reconciliationId}.xlsx\n`);
    expect(listing).toContain(`reports/reconciliation-${run.reconciliationId}.csv\n`);
    expect(listing).toContain(`reports/reconciliation-${run.reconciliationId}.pdf\n`);
    const sums = unzipText(pack.path, 'SHA256SUMS');
    expect(sums).toMatch(
      new RegExp(`^[0-9a-f]{64}  reports/reconciliation-${run.reconciliationId}\\.xlsx$`, 'm'),
    );
  });

  it('keeps no copy of a file whose submit was refused', async () => {
    const refused = Buffer.from(`ICCID\r\n${suspended[0]}\r\n123\r\n`);
    const sheet = await ws.openBytes(refused, 'bad rows.csv');
    await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'restore' } },
    });
    await expect(ws.call('import:submit', { importId: sheet.importId })).rejects.toThrow(
      /nothing was submitted/,
    );
    const kept = readdirSync(join(dataDir, 'sources'));
    expect(kept).toEqual([createHash('sha256').update(source).digest('hex')]);
  });

  it('shows progress while it writes, and refuses a bulk change that does not exist', async () => {
    const seen = ws.untilEvent(
      (m) =>
        m.event === 'workspace:progress' &&
        (m.payload as { task: string }).task === 'reports:evidencePack',
    );
    await ws.call('reports:evidencePack', { bulkChangeId: bulkId });
    expect((await seen).payload).toMatchObject({
      label: expect.stringMatching(/^Writing bulk-change-\d+\.xlsx \(report 1 of \d\)$/),
    });
    await expect(ws.call('reports:evidencePack', { bulkChangeId: 999 })).rejects.toThrow(
      'Bulk change 999 does not exist in this workspace.',
    );
  });
});

describe('carrier-ops evidence and verify-audit --head', () => {
  it('writes the pack to --out, and checks the log later against its recorded head', async () => {
    await closeWorkspace();
    const out = join(tempDir(), 'pack.zip');
    const run = await runCli(['evidence', String(bulkId), '--data', dataDir, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote the evidence pack of bulk change ${bulkId} to ${out}`);
    expect(run.stdout).toContain('It holds the imported file.');
    expect(run.stderr).toMatch(/Writing bulk-change-\d+\.pdf \(report 3 of 6\): 100%/);
    expect(run.stderr).toMatch(/Checking the audit log: 100%/);

    const { chainHead } = JSON.parse(unzipText(out, 'verification.json'));
    const head = `${chainHead.lastId}:${chainHead.hash}`;
    const later = await runCli(['verify-audit', '--data', dataDir, '--head', head]);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(`entry ${chainHead.lastId} still carries the recorded hash`);

    const forged = `${chainHead.lastId}:${'0'.repeat(64)}`;
    const rewritten = await runCli(['verify-audit', '--data', dataDir, '--head', forged]);
    expect(rewritten.code).toBe(4);
    expect(rewritten.stdout).toContain(`Audit log broken at entry ${chainHead.lastId}`);

    const typo = await runCli(['verify-audit', '--data', dataDir, '--head', '12:abc']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('write the recorded head as <entry id>:<64-hex hash>');

    const noZip = await runCli(['evidence', String(bulkId), '--data', dataDir, '--out', 'x.csv']);
    expect(noZip.code).toBe(2);
    expect(existsSync('x.csv')).toBe(false);
  }, 60_000);
});
