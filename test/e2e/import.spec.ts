import path from 'node:path';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { callCore, expect, test } from './fixtures';
import { messyCsv, unknownIccid, withBadCheckDigit } from './importFiles';

const screenshotPath = path.resolve(import.meta.dirname, '../../test-results/import.png');

/** Active sandbox devices with an IMEI, so a suspension file can name them both ways. */
async function activeDevices(consoleUrl: string, count: number) {
  const page = await callCore(consoleUrl, 'devices:list', { statuses: ['active'], limit: 200 });
  const devices = page.rows.filter((row) => row.imei !== null);
  expect(devices.length).toBeGreaterThanOrEqual(count);
  return devices.slice(0, count);
}

async function openImport(page: Page, consoleUrl: string) {
  await page.goto(consoleUrl);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
}

test('a messy customer file goes from columns to a submitted bulk change, bad rows explained', async ({
  page,
  consoleUrl,
}) => {
  const [a, b, c, d, e, f] = await activeDevices(consoleUrl, 6);
  const mistyped = withBadCheckDigit(c!.iccid);
  const csv = messyCsv(
    ['Acme Logistics - SIM suspension request', 'Sent by fleet@acme.example'],
    ['Sim Number', 'Device IMEI', 'Requested Status Change', 'Notes'],
    [
      [a!.iccid, a!.imei!, 'Suspend', 'Truck 12'],
      [b!.iccid, b!.imei!, 'Suspend', 'Truck 14'],
      [mistyped, '', 'Suspend', 'typed by hand'],
      [unknownIccid(), '', 'Suspend', 'not ours?'],
      [a!.iccid, a!.imei!, 'Suspend', 'listed twice'],
      [d!.iccid, d!.imei!, 'Suspend', ''],
      [e!.iccid, e!.imei!, 'Suspend', ''],
    ],
  );
  await openImport(page, consoleUrl);
  const main = page.getByRole('main');

  // Step 1: the open dialog behind the button.
  const chooser = page.waitForEvent('filechooser');
  await main.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'acme-suspend.csv', mimeType: 'text/csv', buffer: csv });

  // Step 2: title rows skipped, odd headers recognised, one column mapped by hand.
  await expect(main.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await expect(main.getByText(/Skipped 2 rows above the header/)).toBeVisible();
  await expect(main.getByLabel('Header is on row')).toHaveValue('3');
  await expect(main.getByLabel('Read Sim Number as')).toHaveValue('iccid');
  await expect(main.getByLabel('Read Device IMEI as')).toHaveValue('imei');
  const statusColumn = main.getByLabel('Read Requested Status Change as');
  await expect(statusColumn).toHaveValue('');
  await statusColumn.selectOption('targetStatus');
  await main.getByRole('button', { name: 'Next: the change' }).click();

  // Step 3: the status comes from the file, so the form only says where from.
  await expect(main.getByRole('heading', { name: 'Change' })).toBeVisible();
  const check = main.getByRole('button', { name: 'Check 7 rows' });
  await expect(check).toBeDisabled();
  await main.getByRole('radio', { name: 'Status update' }).check();
  await expect(main.getByText('From the file’s column “Requested Status Change”.')).toBeVisible();
  await check.click();

  // Step 4: the dry run names every bad row, its column, value and what to do.
  const result = main.getByRole('status', { name: 'Result of the check' });
  await expect(result).toContainText('3 with errors');
  await expect(result).toContainText('4 ready');
  await main.getByRole('tab', { name: /^Errors/ }).click();
  const rows = main.getByRole('table', { name: 'Rows of the dry run' });
  const typo = rows.getByRole('row').filter({ hasText: mistyped });
  await expect(typo.getByRole('cell').first()).toHaveText('6');
  await expect(typo).toContainText(`ICCID ${mistyped} fails its check digit`);
  await expect(rows.getByRole('row').filter({ hasText: unknownIccid() })).toContainText(
    `No device in the inventory has ICCID ${unknownIccid()}`,
  );

  // Correct the typo in place: the file is checked again.
  await typo.getByRole('button', { name: 'Correct Sim Number in row 6' }).click();
  await main.getByLabel('Sim Number in row 6').fill(f!.iccid);
  await main.getByRole('button', { name: 'Save and check again' }).click();
  await expect(result).toContainText('2 with errors');
  await expect(result).toContainText('5 ready');

  // Keep it as a draft, close it, and reopen it from the list.
  const finish = main.getByRole('region', { name: 'Submit or save' });
  await finish.getByRole('button', { name: 'Save as draft…' }).click();
  await finish.getByLabel('Draft title').fill('Acme suspensions');
  await finish.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    main.getByRole('status').filter({ hasText: 'Saved as draft “Acme suspensions”.' }),
  ).toBeVisible();
  const exported = page.waitForEvent('download');
  await finish.getByRole('button', { name: 'Export draft' }).click();
  const draftFile = await exported;
  expect(draftFile.suggestedFilename()).toMatch(/\.json$/);
  const draftText = fs.readFileSync(await draftFile.path(), 'utf8');
  await main.getByRole('button', { name: 'Close file' }).click();
  const drafts = main.getByRole('table', { name: 'Drafts' });
  await expect(drafts.getByRole('row', { name: /Acme suspensions/ })).toContainText(
    'Status update',
  );
  await drafts.getByRole('button', { name: 'Open draft Acme suspensions' }).click();

  // The draft is checked again against today's inventory before it can be submitted.
  await expect(main.getByRole('radio', { name: 'Status update' })).toBeChecked();
  await main.getByRole('button', { name: 'Check 7 rows' }).click();
  await expect(result).toContainText('2 with errors');
  const submit = finish.getByRole('button', { name: 'Submit 5 devices' });
  await expect(submit).toBeDisabled();
  await finish.getByLabel('Leave out the 2 rows with errors').check();
  await submit.click();

  const queued = main.getByRole('heading', { name: /^Bulk change #\d+ queued \(5 devices\)$/ });
  await expect(queued).toBeVisible();
  await expect(main.getByText('2 rows with errors were left out.')).toBeVisible();
  const id = Number(/#(\d+)/.exec((await queued.textContent()) ?? '')?.[1]);
  const bulk = await callCore(consoleUrl, 'bulk:get', { bulkChangeId: id });
  expect(bulk.changeType).toBe('statusUpdate');
  expect(bulk.title).toBe('Acme suspensions');
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await main.getByRole('button', { name: 'Import another file' }).click();

  // The exported draft, dropped here as it would be on another workstation, opens ready to check.
  const dropped = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    },
    { name: draftFile.suggestedFilename(), text: draftText },
  );
  await main.getByRole('region', { name: 'Drop a file here' }).dispatchEvent('drop', {
    dataTransfer: dropped,
  });
  await expect(main.getByRole('radio', { name: 'Status update' })).toBeChecked();
  await expect(main.getByRole('button', { name: 'Check 7 rows' })).toBeEnabled();

  // A file laid out like one checked before gets its columns read the same way again.
  await main.getByRole('button', { name: 'Close file' }).click();
  const again = page.waitForEvent('filechooser');
  await main.getByRole('button', { name: 'Open file…' }).click();
  await (await again).setFiles({ name: 'acme-next-week.csv', mimeType: 'text/csv', buffer: csv });
  await expect(main.getByText('Remembered from an earlier file')).toBeVisible();
  await expect(main.getByLabel('Read Requested Status Change as')).toHaveValue('targetStatus');
});

test('devices picked in the grid get the same form, only the status moves they can take, and the dry run', async ({
  page,
  consoleUrl,
}) => {
  const [a, b] = await activeDevices(consoleUrl, 2);
  await page.goto(consoleUrl);
  const main = page.getByRole('main');
  const search = main.getByLabel('Search ICCID, IMEI or MSISDN');
  for (const device of [a!, b!]) {
    await search.fill(device.iccid);
    await search.press('Enter');
    await main.getByRole('checkbox', { name: `Select ICCID ${device.iccid}` }).check();
  }
  await main.getByRole('button', { name: 'Change selected devices…' }).click();

  await expect(main.getByRole('heading', { name: 'Change 2 selected devices' })).toBeVisible();
  await expect(main.getByRole('radio', { name: 'ICCID/IMEI change' })).toBeDisabled();
  await main.getByRole('radio', { name: 'Status update' }).check();
  // Both devices are active: they can be suspended or deactivated, not activated or restored.
  const action = main.getByLabel('Status change');
  const offered = await action.getByRole('option').allTextContents();
  expect(offered).toContain('Suspend');
  expect(offered).not.toContain('Activate');
  expect(offered).not.toContain('Restore (unsuspend)');
  await action.selectOption({ label: 'Suspend' });
  await main.getByRole('button', { name: 'Check 2 devices' }).click();

  await expect(main.getByRole('status', { name: 'Result of the check' })).toContainText('2 ready');
  const rows = main.getByRole('table', { name: 'Rows of the dry run' });
  await expect(rows.getByRole('row').filter({ hasText: a!.iccid })).toContainText(
    /Status\s*active\s*→\s*suspended/,
  );
  await main.getByRole('button', { name: 'Submit 2 devices' }).click();
  await expect(
    main.getByRole('heading', { name: /^Bulk change #\d+ queued \(2 devices\)$/ }),
  ).toBeVisible();

  // The hand-over is spent: coming back to Import starts afresh instead of changing them again.
  await main.getByRole('button', { name: 'Back to Devices' }).click();
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(main.getByRole('button', { name: 'Open file…' })).toBeVisible();
});

test('each change type has a template to download from the import screen', async ({
  page,
  consoleUrl,
}) => {
  await openImport(page, consoleUrl);
  const main = page.getByRole('main');
  await main.getByText('Templates').click();
  const download = page.waitForEvent('download');
  await main.getByRole('button', { name: 'Status update template' }).click();
  const file = await (await download).path();
  const workbook = XLSX.read(fs.readFileSync(file));
  const first = workbook.Sheets[workbook.SheetNames[0]!]!;
  const [header] = XLSX.utils.sheet_to_json<string[]>(first, { header: 1 });
  expect(header).toEqual(['ICCID', 'Target status', 'Carrier rate plan']);
});
