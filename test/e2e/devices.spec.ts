import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SEEDED_DEVICES, test } from './fixtures';

const ICCID = /^89\d{17,18}$/;
const devices = (n: number) => `${n} ${n === 1 ? 'device' : 'devices'}`;
const screenshotPath = path.resolve(import.meta.dirname, '../../test-results/devices.png');

function devicesPage(page: Page) {
  const main = page.getByRole('main');
  const grid = main.getByRole('table', { name: 'Devices' });
  return {
    count: main.getByRole('status'),
    grid,
    rows: grid.getByRole('row').filter({ hasText: /89\d{17,18}/ }),
    search: main.getByLabel('Search ICCID, IMEI or MSISDN'),
  };
}

test('the Devices page lists, filters and searches the seeded inventory', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  const { count, rows, search } = devicesPage(page);

  await expect(page.getByRole('banner')).toContainText('Sandbox');
  await expect(count).toHaveText(devices(SEEDED_DEVICES));
  await expect(rows.first().getByRole('cell').first()).toHaveText(ICCID);
  await expect(page).not.toHaveURL(/token=/);

  const verizon = page.getByRole('button', { name: /^Verizon ThingSpace/ });
  await expect(verizon).toHaveAttribute('aria-pressed', 'false');
  await expect(verizon).toHaveText(/^Verizon ThingSpace \d+$/);
  const facet = Number(/\d+$/.exec((await verizon.textContent()) ?? '')?.[0]);
  expect(facet).toBeGreaterThan(0);
  await verizon.click();
  await expect(verizon).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveText(devices(facet));
  await expect(rows.first()).toContainText('Verizon ThingSpace');
  await expect(rows.filter({ hasNotText: 'Verizon ThingSpace' })).toHaveCount(0);
  await verizon.click();
  await expect(count).toHaveText(devices(SEEDED_DEVICES));

  const iccid = (await rows.nth(4).getByRole('cell').first().textContent()) ?? '';
  expect(iccid).toMatch(ICCID);
  await search.fill(iccid);
  await expect(count).toHaveText(devices(1));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('cell').first()).toHaveText(iccid);

  await search.fill('');
  await search.press('Enter');
  await expect(count).toHaveText(devices(SEEDED_DEVICES));
  await expect(rows.nth(4).getByRole('cell').first()).toHaveText(iccid);

  await page.screenshot({ path: screenshotPath });
});

test('a search that matches nothing says so and offers to clear the filters', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  const { count, rows, search } = devicesPage(page);
  await expect(count).toHaveText(devices(SEEDED_DEVICES));

  await search.fill('0000');
  await search.press('Enter');
  await expect(count).toHaveText(devices(0));
  await expect(page.getByText('No devices match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await expect(count).toHaveText(devices(SEEDED_DEVICES));
  await expect(search).toHaveValue('');
  await expect(rows.first()).toBeVisible();
});

test('the grid pulls the rest of the inventory as it scrolls', async ({ page, consoleUrl }) => {
  await page.goto(consoleUrl);
  const { count, grid, rows } = devicesPage(page);
  await expect(count).toHaveText(devices(SEEDED_DEVICES));
  await expect(grid).toHaveAttribute('aria-rowcount', String(SEEDED_DEVICES + 1));

  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = rows.last();
  await expect(last).toHaveAttribute('aria-rowindex', String(SEEDED_DEVICES + 1));
  await expect(last.getByRole('cell').first()).toHaveText(ICCID);
});
