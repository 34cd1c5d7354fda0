import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { pdfPages } from './pdfText';
import { deskWorkspace, type DeskWorkspace } from '../bulkView/deskWorkspace';
import { active, changeAtCarrier, changeInOurStore } from './reconcileWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

/** The pdf's text as pdftotext lays it out, one line per table row. */
function pdfLines(file: string): string[] {
  return pdfPages(file).flatMap((page) => page.split('\n'));
}

describe('a reconciliation exported as pdf', () => {
  it('shows each device’s verdict, statuses, differences and lookup error, and names the columns left out', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = active(ws, 'jasper', 3);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    const [differs, unknownBefore] = devices as [string, string];
    await changeAtCarrier(ws.sim('jasper'), 'jasper', differs, 'restore');
    const unknown = '89011703278100000006';
    changeInOurStore(ws, 'UPDATE devices SET iccid = ? WHERE iccid = ?', unknown, unknownBefore);
    const run = await ws.call('reports:reconcile', { bulkChangeId: id });

    const report = { kind: 'reconciliation', reconciliationId: run.reconciliationId } as const;
    const file = (await ws.call('reports:export', {
      report: { ...report, timeZone: 'UTC' },
      format: 'pdf',
    }))!;
    const lines = pdfLines(file.path);
    const at = (text: string) => lines.find((line) => line.includes(text)) ?? '';

    expect(at('Not in this pdf:')).toMatch(
      /IMEI, Carrier, Account, Outcome \(ours\), Carrier plan ours, Carrier plan at carrier, Asked at \(an xlsx or csv of this report has every column\)/,
    );
    expect(
      at('ICCID')
        .split(/\s{2,}/)
        .filter(Boolean),
    ).toEqual([
      'ICCID',
      'Status ours',
      'Status at carrier',
      'Verdict',
      'Differences',
      'Lookup error',
    ]);
    expect(at(differs).split(/\s{2,}/)).toEqual([
      differs,
      'suspended',
      'active (ACTIVATED)',
      'Differs',
      expect.stringMatching(/^Status: ours suspended, carrier active \(ACTIVATED\); Outcome/),
    ]);
    // The lookup error wraps within its column: the ICCID in it starts the row's second line.
    const unknownRow = lines.findIndex((line) => line.includes(unknown));
    expect(lines[unknownRow]).toMatch(/ Not checked {2,}Cisco Control Center has no SIM$/);
    expect(lines[unknownRow + 1]).toMatch(new RegExp(`^\\s{20,}${unknown} on this account`));
    expect(at(devices[2]!).split(/\s{2,}/)).toEqual([
      devices[2],
      'suspended',
      'suspended (DEACTIVATED)',
      'Matches',
    ]);
  });
});
