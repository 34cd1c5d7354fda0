import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DeviceRow } from '../../shared/domain/devices';
import { jasperSandboxCredentials } from '../../main/core/simulators/jasper';
import { callCore, expect, withCarriers as test } from './fixtures';

const screenshotPath = path.resolve(import.meta.dirname, '../../test-results/bulkChange.png');
const REFUSAL = 'SIM is locked by the customer';

/** Every active device of the workspace, a page of 500 at a time. */
async function activeDevices(consoleUrl: string): Promise<DeviceRow[]> {
  const devices: DeviceRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await callCore(consoleUrl, 'devices:list', {
      statuses: ['active'],
      offset,
      limit: 500,
    });
    devices.push(...page.rows);
    if (devices.length >= page.total) return devices;
  }
}

const csvOf = (iccids: string[]) => Buffer.from(['ICCID', ...iccids].join('\r\n') + '\r\n');

/** Opens a file on the Import page and submits it as a suspension; answers the new bulk change's id. */
async function importSuspension(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  rows: number,
) {
  const main = page.getByRole('main');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Import' })
    .click();
  const chooser = page.waitForEvent('filechooser');
  await main.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(file);
  await expect(main.getByLabel('Read ICCID as')).toHaveValue('iccid');
  await main.getByRole('button', { name: 'Next: the change' }).click();
  await main.getByRole('radio', { name: 'Status update' }).check();
  const action = main.getByLabel('Status change');
  if ((await action.inputValue()) === '') await action.selectOption({ label: 'Suspend' });
  await main.getByRole('button', { name: `Check ${rows.toLocaleString('en-US')} rows` }).click();
  await main
    .getByRole('button', { name: `Submit ${rows.toLocaleString('en-US')} devices` })
    .click();
  const open = main.getByRole('button', { name: /^Open bulk change #\d+$/ });
  const id = Number(/#(\d+)/.exec((await open.textContent()) ?? '')?.[1]);
  await open.click();
  return id;
}

function bulkView(page: Page, id: number) {
  const main = page.getByRole('main');
  return {
    main,
    heading: main.getByRole('heading', { level: 1, name: new RegExp(`^Bulk change #${id}`) }),
    progress: main.getByRole('status', { name: 'Progress of the bulk change' }),
    legend: main.getByRole('list', { name: 'Devices by status' }),
    grid: main.getByRole('table', { name: `Devices of bulk change #${id}` }),
    tab: (name: RegExp) => main.getByRole('tab', { name }),
  };
}

test('a suspension of two thousand devices: watched to the end, paused and resumed, failures retried, the rest corrected and imported again', async ({
  page,
  desk,
}) => {
  test.setTimeout(90_000);
  const { consoleUrl, setFaults } = desk;
  const devices = await activeDevices(consoleUrl);
  expect(devices.length).toBeGreaterThan(1500);
  const cisco = devices.filter((d) => d.carrier === 'jasper').map((d) => d.iccid);
  // Cisco refuses five SIMs: two come right on a retry, three need the customer to act.
  const [retried, corrected] = [cisco.slice(0, 2), cisco.slice(2, 5)];
  const refused = Object.fromEntries([...retried, ...corrected].map((iccid) => [iccid, REFUSAL]));
  await setFaults('jasper', { deviceFailures: refused });

  await page.goto(consoleUrl);
  const total = devices.length;
  const first = await importSuspension(
    page,
    {
      name: 'acme-suspend-all.csv',
      mimeType: 'text/csv',
      buffer: csvOf(devices.map((d) => d.iccid)),
    },
    total,
  );
  const view = bulkView(page, first);
  await expect(view.heading).toContainText('Status update from acme-suspend-all.csv');
  await expect(view.main.getByText('Sandbox').first()).toBeVisible();

  // Pause while it runs: nothing more is sent until it is resumed.
  await expect(view.progress).toContainText('Running');
  await view.main.getByRole('button', { name: 'Pause' }).click();
  await expect(view.progress).toContainText('Paused');
  expect((await callCore(consoleUrl, 'bulk:get', { bulkChangeId: first })).paused).toBe(true);
  await view.main.getByRole('button', { name: 'Resume' }).click();
  await expect(view.progress).not.toContainText('Paused');

  // The counts reach their end, with Cisco's refusals failed and named.
  await expect(view.progress).toContainText('Finished', { timeout: 60_000 });
  await expect(view.progress).toContainText(`${total.toLocaleString('en-US')} of`);
  await expect(view.legend).toContainText(`${(total - 5).toLocaleString('en-US')} done`);
  await expect(view.legend).toContainText('5 failed');
  await view.tab(/^Failed/).click();
  await expect(view.grid.getByRole('row').filter({ hasText: REFUSAL })).toHaveCount(5);

  // One device's full story from the audit log, with the carrier's key kept out of it.
  const failedRow = view.grid.getByRole('row').filter({ hasText: corrected[0]! });
  await failedRow.getByRole('button', { name: `History of ICCID ${corrected[0]}` }).click();
  const history = view.main.getByRole('complementary', {
    name: `History of ICCID ${corrected[0]}`,
  });
  await expect(history).toContainText('Requests and answers');
  await expect(history.getByRole('listitem').first()).toBeVisible();
  await expect(history).toContainText(REFUSAL);
  const { username, apiKey } = jasperSandboxCredentials;
  const shown = (await history.textContent()) ?? '';
  expect(shown).not.toContain(apiKey);
  expect(shown).not.toContain(Buffer.from(`${username}:${apiKey}`).toString('base64'));
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await history.getByRole('button', { name: 'Close' }).click();

  // Two SIMs are unlocked: retrying the failed rows brings them through.
  await setFaults('jasper', {
    deviceFailures: Object.fromEntries(corrected.map((iccid) => [iccid, REFUSAL])),
  });
  await view.main.getByRole('button', { name: 'Retry 5 failed' }).click();
  await expect(view.legend).toContainText('3 failed', { timeout: 30_000 });
  await expect(view.progress).toContainText('Finished');
  await expect(view.legend).toContainText(`${(total - 3).toLocaleString('en-US')} done`);

  // The three still refused go back to the customer as a file, in the import's layout.
  const download = page.waitForEvent('download');
  await view.main.getByRole('button', { name: 'Download failed rows as csv' }).click();
  const file = await download;
  const text = fs.readFileSync(await file.path(), 'utf8');
  for (const iccid of corrected) expect(text).toContain(iccid);
  expect(text).toContain(REFUSAL);
  for (const iccid of retried) expect(text).not.toContain(iccid);

  // The customer unlocks them; the same file, imported again, makes a change that goes through.
  await setFaults('jasper', { deviceFailures: {} });
  const second = await importSuspension(
    page,
    {
      name: file.suggestedFilename(),
      mimeType: 'text/csv',
      buffer: fs.readFileSync(await file.path()),
    },
    3,
  );
  const again = bulkView(page, second);
  await expect(again.progress).toContainText('Finished', { timeout: 30_000 });
  await expect(again.legend).toContainText('3 done');
  await expect(again.legend).toContainText('0 failed');

  // Both in the history, newest first; the filter finds the one that ended with failures.
  await again.main.getByRole('button', { name: '← All bulk changes' }).click();
  const table = again.main.getByRole('table', { name: 'Bulk changes' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText(`#${second}`);
  await again.main.getByLabel('Status').selectOption({ label: 'Done with failures' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(`#${first}`);
  await expect(table.getByRole('row').nth(1)).toContainText('3 failed');
  await table.getByRole('button', { name: /acme-suspend-all\.csv/ }).click();
  await expect(view.heading).toBeVisible();
});
