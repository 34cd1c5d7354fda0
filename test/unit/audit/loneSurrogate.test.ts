import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { chainSegmentLines } from '../../../main/core/reports/evidence/chainSegment';
import { evidenceReadme } from '../../../main/core/reports/evidence/readme';
import { readmeCommands, runProcedure } from '../../integration/reports/auditorProcedure';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace, storedRows } from './auditWorkspace';

const tempDir = useTempDir();

/** README step 3, the Python an auditor pastes, exactly as the evidence pack prints it. */
function auditorRecompute(bulkChangeId: number): string {
  const readme = evidenceReadme({
    bulkChangeId,
    title: 'Suspend lost SIMs',
    packName: 'pack.zip',
    exportedAt: '2026-11-22T11:00:00.000Z',
    reportNames: [],
    sourceName: null,
    sourceRecordedOnly: false,
  });
  return readmeCommands(readme).find((command) => command.startsWith('python3'))!;
}

describe('carrier text holding half an emoji', () => {
  it('is logged as it reads back, so verify and the auditor’s Python both find the chain intact', async () => {
    const dir = tempDir();
    const ws = openAuditWorkspace(dir);
    const log = new AuditLog(ws.db);
    log.append(exchange(ws, 1, { responseText: 'carrier said \uD800 oops' }));
    log.appendMany([
      exchange(ws, 2, { requestText: 'cut at 300: …\uD83D', hasErrors: true }),
      exchange(ws, 3, { responseStatus: 'FAILED: \uDE00 unknown', processedBy: 'desk.\uDBFF' }),
    ]);

    const rows = storedRows(ws.db);
    expect(rows[0]!.response_text).toBe('carrier said \uFFFD oops');
    expect(rows[1]!.request_text).toBe('cut at 300: …\uFFFD');
    expect(rows[2]).toMatchObject({
      response_status: 'FAILED: \uFFFD unknown',
      processed_by: 'desk.\uFFFD',
    });
    expect(await log.verify()).toMatchObject({ ok: true, count: 3 });

    const segment = { entries: 0, firstId: null, lastId: null };
    let lines = '';
    for await (const chunk of chainSegmentLines(ws.db, ws.bulkChangeId, segment)) lines += chunk;
    writeFileSync(join(dir, 'chain-segment.jsonl'), lines);
    const python = runProcedure([auditorRecompute(ws.bulkChangeId)], dir);
    expect(python).toEqual({ status: 0, output: 'all 3 entries match their hashes\n' });
    ws.db.close();
  });
});
