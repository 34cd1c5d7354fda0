import path from 'node:path';
import type { Page } from '@playwright/test';
import { callCore, expect, SEEDED_DEVICES, test } from './fixtures';

const devices = (n: number) => `${n} ${n === 1 ? 'device' : 'devices'}`;
const screenshotPath = path.resolve(import.meta.dirname, '../../test-results/devicesSelection.png');

function devicesPage(page: Page) {
  const main = page.getByRole('main');
  const grid = main.getByRole('table', { name: 'Devices' });
  const rows = grid.getByRole('row').filter({ hasText: /89\d{17,18}/ });
  return {
    main,
    grid,
    rows,
    count: main.getByRole('status'),
    bar: main.getByRole('region', { name: 'Selection' }),
    tick: (n: number) => rows.nth(n).getByRole('checkbox'),
    chip: (name: string) => main.getByRole('button', { name: new RegExp(`^${name}`) }),
  };
}

test('pasting 50 ids shows and selects the 47 devices they name, and lists the 3 that named none', async ({
  page,
  consoleUrl,
}) => {
  const known = (await callCore(consoleUrl, 'devices:list', { limit: 47 })).rows;
  // Every other device by its IMEI; some ICCIDs written in groups, as on a SIM card's sleeve.
  const ids = known.map((d, i) =>
    i % 2 === 1 ? d.imei! : i % 3 === 0 ? d.iccid.replace(/(\d{4})/g, '$1 ').trim() : d.iccid,
  );
  ids.splice(4, 0, '8999000000000000001');
  ids.splice(19, 0, '35209900O000001');
  ids.push('12345');
  const separators = ['\n', ', ', '\t', ';'];
  const text = ids.map((id, i) => id + separators[i % separators.length]!).join('');

  await page.goto(consoleUrl);
  const { main, grid, rows, count, bar, chip } = devicesPage(page);
  await expect(count).toHaveText(devices(SEEDED_DEVICES));

  const customer = main.getByLabel('Customer', { exact: true });
  const acme = (await customer.locator('option', { hasText: 'Acme Logistics' }).textContent())!;
  await customer.selectOption({ label: acme });
  await expect(count).toHaveText(devices(Number(/\((\d+)\)/.exec(acme)![1])));
  await expect(rows.first()).toContainText('Acme Logistics');
  await expect(rows.filter({ hasNotText: 'Acme Logistics' })).toHaveCount(0);

  await main.getByRole('button', { name: 'Paste ids' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste ids' });
  await dialog.getByLabel('ICCIDs, IMEIs, MSISDNs or EIDs').fill(text);
  await dialog.getByRole('button', { name: 'Find devices' }).click();
  await expect(dialog).toBeHidden();

  // Exactly the pasted devices, every one selected, whatever was filtered before.
  await expect(count).toHaveText(devices(47));
  await expect(customer).toHaveValue('');
  await expect(chip('Pasted list')).toHaveText(/^Pasted list 47$/);
  await expect(bar).toContainText('All 47 devices matching these filters selected');
  await expect(rows.first().getByRole('checkbox')).toBeChecked();
  await expect(rows.getByRole('checkbox', { checked: false })).toHaveCount(0);
  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = rows.last();
  await expect(last).toHaveAttribute('aria-rowindex', '48');
  await expect(last.getByRole('checkbox')).toBeChecked();
  await expect(last.getByRole('cell').first()).toHaveText(known.at(-1)!.iccid);

  const report = main.getByRole('region', { name: /^Pasted ids/ });
  await expect(report.getByRole('heading')).toHaveText('Pasted ids: found 47 devices from 50 ids');
  await expect(report).toContainText('3 ids matched no single device.');
  const unmatched = report.getByRole('region', { name: 'Unmatched ids' }).getByRole('row');
  await expect(unmatched).toHaveCount(4);
  await expect(unmatched.nth(1)).toContainText(/^5\s*8999000000000000001\s*No device/);
  await expect(unmatched.nth(2)).toContainText(/^20\s*35209900O000001.*letter O/);
  await expect(unmatched.nth(3)).toContainText(/^50\s*12345\s*No device/);
  await page.screenshot({ path: screenshotPath });

  await report.getByRole('button', { name: 'Dismiss' }).click();
  await expect(report).toBeHidden();

  // The pasted devices go on to a status change; those that can't be suspended are explained.
  const active = known.filter((d) => d.status === 'active').length;
  await bar.getByRole('button', { name: 'Change selected devices…' }).click();
  await expect(main.getByRole('heading', { name: 'Change 47 selected devices' })).toBeVisible();
  await main.getByRole('radio', { name: 'Status update' }).check();
  await main.getByLabel('Status change').selectOption({ label: 'Suspend' });
  await main.getByRole('button', { name: 'Check 47 devices' }).click();
  const result = main.getByRole('status', { name: 'Result of the check' });
  await expect(result).toContainText(`${active} ready`);
  await expect(result).toContainText(`${47 - active} with errors`);
  const finish = main.getByRole('region', { name: 'Submit or save' });
  await finish.getByLabel(`Leave out the ${47 - active} rows with errors`).check();
  await finish.getByRole('button', { name: `Submit ${active} devices` }).click();
  await expect(
    main.getByRole('heading', {
      name: new RegExp(`^Bulk change #\\d+ queued \\(${active} devices\\)$`),
    }),
  ).toBeVisible();
});

test('“Select all” under a carrier filter counts every match, ends with the filter, and goes on to a change', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  const { bar, count, rows, tick, chip } = devicesPage(page);
  await expect(count).toHaveText(devices(SEEDED_DEVICES));
  await expect(bar).toContainText('0 selected');
  await expect(bar.getByRole('button', { name: 'Change selected devices…' })).toBeDisabled();

  const cisco = chip('Cisco Control Center');
  const matching = Number(/\d+$/.exec((await cisco.textContent()) ?? '')![0]);
  await cisco.click();
  await expect(count).toHaveText(devices(matching));
  await expect(rows.filter({ hasNotText: 'Cisco Control Center' })).toHaveCount(0);
  await bar.getByRole('button', { name: `Select all ${matching} matching` }).click();
  await expect(bar).toContainText(`All ${devices(matching)} matching these filters selected`);
  await expect(bar).toContainText('Changing the filters ends this selection.');

  await tick(0).uncheck();
  await expect(bar).toContainText(
    `${matching - 1} selected: all ${matching} matching, less 1 unticked`,
  );

  await chip('Active').click();
  await expect(bar).toContainText('0 selected');
  await expect(bar).toContainText(
    `The filters changed, so the selection of all ${matching - 1} matching the earlier filters ended.`,
  );
  await bar.getByRole('button', { name: 'Undo' }).click();
  await expect(chip('Active')).toHaveAttribute('aria-pressed', 'false');
  await expect(cisco).toHaveAttribute('aria-pressed', 'true');
  await expect(bar).toContainText(`${matching - 1} selected`);
  await expect(tick(0)).not.toBeChecked();
  await expect(tick(1)).toBeChecked();

  await bar.getByRole('button', { name: 'Change selected devices…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Import/);
});

test('ticked rows stay selected through filters; shift-click ticks a range; headings sort', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  const { main, bar, count, rows, tick, chip } = devicesPage(page);
  await expect(count).toHaveText(devices(SEEDED_DEVICES));

  await tick(1).check();
  await tick(5).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('5 selected');
  await expect(bar).toContainText('Kept when you change the filters.');
  for (const n of [0, 6]) await expect(tick(n)).not.toBeChecked();
  const first = (await rows.nth(1).getByRole('cell').first().textContent()) ?? '';

  await chip('POND IoT').click();
  await expect(rows.filter({ hasNotText: 'POND IoT' })).toHaveCount(0);
  await expect(bar).toContainText('5 selected');
  await chip('POND IoT').click();
  await expect(count).toHaveText(devices(SEEDED_DEVICES));
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText(first);
  for (const n of [1, 2, 3, 4, 5]) await expect(tick(n)).toBeChecked();

  const shownBox = main.getByRole('checkbox', { name: 'Select the devices shown' });
  await shownBox.check();
  await expect(bar).toContainText(/^\d+ selected/);
  await expect(bar).not.toContainText(/^5 selected/);
  await shownBox.uncheck();
  await expect(bar).toContainText('0 selected');

  const iccidHeading = main.getByRole('columnheader', { name: /ICCID/ });
  await iccidHeading.getByRole('button', { name: 'ICCID' }).click();
  await expect(iccidHeading).toHaveAttribute('aria-sort', 'ascending');
  // Cisco's SIMs (8901170…) have the lowest ICCIDs in the sandbox, POND's (894400…) the highest.
  await expect(rows.first().getByRole('cell').first()).toHaveText(/^8901170/);
  await iccidHeading.getByRole('button', { name: 'ICCID' }).click();
  await expect(iccidHeading).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().getByRole('cell').first()).toHaveText(/^894400/);
});
