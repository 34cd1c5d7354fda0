import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { bulkChangeCount, iccids, initWorkspace, runCli, type CliResult } from './cliProcess';

// Nothing here writes to the workspace, so the tests share one.
const tempDir = useTempDir('file');
let data: string;
let device: string;
beforeAll(async () => {
  data = await initWorkspace(tempDir());
  [device] = iccids(data, 'active', 1) as [string];
});

const submit = (...args: string[]) => runCli(['submit', '--data', data, ...args]);

/** Exit 2, the message on stderr in desk words, no stack trace, nothing queued. */
function expectBadInput(run: CliResult, message: string | RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).toBe('');
  expect(bulkChangeCount(data)).toBe(0);
}

describe('carrier-ops with bad input', () => {
  it('names the change types when --type is not one', async () => {
    expectBadInput(
      await submit('--type', 'freeze', '--ids', device),
      '"freeze" is not a change type; use one of statusUpdate, carrierRatePlanChange',
    );
  });

  it('shows what --set takes when a value has no "="', async () => {
    expectBadInput(
      await submit('--type', 'statusUpdate', '--set', 'suspend', '--ids', device),
      '--set takes key=value (e.g. --set action=suspend); "suspend" is not that.',
    );
  });

  it('says which setting is wrong, in the words of the change type', async () => {
    expectBadInput(
      await submit('--type', 'statusUpdate', '--set', 'action=freeze', '--ids', device),
      /The status update settings are not right: params\.action/,
    );
  });

  it('says --params is not JSON', async () => {
    expectBadInput(
      await submit('--type', 'statusUpdate', '--params', '{action:', '--ids', device),
      /--params is not valid JSON/,
    );
  });

  it('says a device file that is not there cannot be read', async () => {
    const missing = join(data, 'nowhere.csv');
    expectBadInput(
      await submit('--type', 'statusUpdate', '--set', 'action=suspend', '--file', missing),
      `Can't read --file ${missing}: there is no such file.`,
    );
  });

  it('asks for CSV when given a spreadsheet', async () => {
    const sheet = join(data, 'devices.xlsx');
    writeFileSync(sheet, 'PK');
    expectBadInput(
      await submit('--type', 'statusUpdate', '--set', 'action=suspend', '--file', sheet),
      /devices\.xlsx is a spreadsheet; .*carrier-ops import <file>/,
    );
  });

  it('needs a header naming the columns of a swap list', async () => {
    const swaps = join(data, 'swaps.csv');
    writeFileSync(swaps, `${device},89014100000000000001\n`);
    expectBadInput(
      await submit('--type', 'identifierChange', '--swaps', swaps),
      /swaps\.csv needs a header line naming its columns: iccid, and newIccid and\/or newImei/,
    );
  });

  it('asks which devices when none are given, and for one way only', async () => {
    expectBadInput(
      await submit('--type', 'statusUpdate', '--set', 'action=suspend'),
      'Say which devices',
    );
    expectBadInput(
      await submit(
        '--type',
        'statusUpdate',
        '--set',
        'action=suspend',
        '--ids',
        device,
        '--file',
        'x',
      ),
      'Give the devices one way only',
    );
  });

  it('refuses an unknown command or an option of another command', async () => {
    expectBadInput(await runCli(['explode', '--data', data]), 'Unknown command "explode"');
    expectBadInput(
      await runCli(['status', '--data', data, '--type', 'statusUpdate']),
      '--type is not an option of status.',
    );
  });

  it('says there is no workspace rather than making an empty one', async () => {
    const empty = tempDir();
    const run = await runCli(['status', '--data', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`There is no workspace in ${empty}.`);
  });
});
