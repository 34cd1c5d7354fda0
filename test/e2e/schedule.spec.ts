import type { Page } from '@playwright/test';
import type { DeviceRow } from '../../shared/domain/devices';
import { callCore, expect, test } from './fixtures';

/** A day `n` days from today on this computer's calendar, as the desk types an effective date. */
function dayIn(n: number): string {
  const day = new Date();
  day.setDate(day.getDate() + n);
  return [day.getFullYear(), day.getMonth() + 1, day.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

/** Queues a data allocation change for `devices` that waits until `days` from today. */
async function scheduleAllocation(
  consoleUrl: string,
  title: string,
  devices: DeviceRow[],
  days: number,
  megabytes: number,
): Promise<number> {
  const created = await callCore(consoleUrl, 'bulk:create', {
    changeType: 'customerRatePlanChange',
    params: { dataAllocationMb: megabytes, effectiveDate: dayIn(days) },
    devices: devices.map((device) => device.iccid),
    title,
    submit: true,
  });
  return created.bulkChangeId;
}

function schedulePage(page: Page) {
  const main = page.getByRole('main');
  const rows = main.getByRole('table', { name: 'Scheduled changes' }).getByRole('row');
  return {
    main,
    rows,
    row: (text: string) => rows.filter({ hasText: text }),
    count: main.getByRole('status'),
  };
}

test('future-dated changes wait on the schedule by date with conflicts flagged, and cancelled ones are gone', async ({
  page,
  consoleUrl,
}) => {
  const [a, b] = (await callCore(consoleUrl, 'devices:list', { statuses: ['active'], limit: 2 }))
    .rows as [DeviceRow, DeviceRow];
  const march = await scheduleAllocation(consoleUrl, 'Allocation for March', [a, b], 3, 77);
  const later = await scheduleAllocation(consoleUrl, 'Allocation later', [a], 10, 88);

  await page.goto(consoleUrl);
  await page.keyboard.press('Control+4');
  const { main, rows, row, count } = schedulePage(page);
  await expect(main.getByRole('heading', { name: 'Scheduled changes' })).toBeVisible();
  await expect(count).toHaveText('3 waiting, 2 with a conflict');

  // Soonest first: both devices of March's change, then the later one.
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toContainText(`#${later} Allocation later`);
  const aInMarch = row(`#${march} Allocation for March`).filter({ hasText: a.iccid });
  await expect(aInMarch).toContainText('in 3 days');
  await expect(aInMarch).toContainText(/Data allocation \(MB\)\s*\S+\s*→\s*77/);
  await expect(aInMarch).toContainText('Sandbox');
  await expect(aInMarch).toContainText(`Conflict: also in bulk change #${later}, due`);
  await expect(row(b.iccid)).not.toContainText('Conflict');

  await main.getByRole('checkbox', { name: new RegExp(`^Select ${b.iccid},`) }).check();
  await main.getByRole('button', { name: 'Cancel selected' }).click();
  await expect(main.getByText('Cancel 1 scheduled change? Nothing has been sent')).toBeVisible();
  await main.getByRole('button', { name: 'Cancel it' }).click();
  await expect(
    main.getByText('1 scheduled change cancelled; nothing was sent for it.'),
  ).toBeVisible();
  await expect(row(b.iccid)).toHaveCount(0);
  await expect(count).toHaveText('2 waiting, 2 with a conflict');
  const listed = await callCore(consoleUrl, 'schedule:list', {});
  expect(listed.entries.map((entry) => entry.iccid)).toEqual([a.iccid, a.iccid]);

  // Each row leads to its bulk change.
  await main.getByRole('button', { name: `#${later} Allocation later` }).click();
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('button', { name: 'Bulk changes' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(main.getByRole('heading', { name: /Allocation later/ })).toBeVisible();

  await page.keyboard.press('Control+4');
  await main.getByRole('checkbox', { name: 'Select every listed change' }).check();
  await main.getByRole('button', { name: 'Cancel selected' }).click();
  await main.getByRole('button', { name: 'Cancel them' }).click();
  await expect(main.getByText(/^Nothing is scheduled\./)).toBeVisible();
  await expect(count).toHaveText('none waiting');
  expect((await callCore(consoleUrl, 'bulk:get', { bulkChangeId: later })).status).toBe(
    'CANCELLED',
  );
});
