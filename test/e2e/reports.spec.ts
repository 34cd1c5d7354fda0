import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import XLSX from 'xlsx';
import type { DeviceRow } from '../../shared/domain/devices';
import { databaseFile } from '../../main/core/workspace/paths';
import { callCore, expect, test } from './fixtures';

const TITLE = 'Suspend twenty for the audit';

/** A day `n` days from today on this computer's calendar, as a date field takes it. */
function dayIn(n: number): string {
  const day = new Date();
  day.setDate(day.getDate() + n);
  return [day.getFullYear(), day.getMonth() + 1, day.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

/** Suspends 20 active devices through core, watches the change finish, and opens its report. */
async function suspendAndOpenReport(page: Page, consoleUrl: string) {
  const { rows } = await callCore(consoleUrl, 'devices:list', { statuses: ['active'], limit: 20 });
  const devices = rows as DeviceRow[];
  const { bulkChangeId } = await callCore(consoleUrl, 'bulk:create', {
    changeType: 'statusUpdate',
    params: { action: 'suspend' },
    devices: devices.map((device) => device.iccid),
    title: TITLE,
    submit: true,
  });
  await page.goto(consoleUrl);
  const main = page.getByRole('main');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Bulk changes' })
    .click();
  await main.getByRole('button', { name: TITLE }).click();
  await expect(main.getByRole('status', { name: 'Progress of the bulk change' })).toContainText(
    'Finished',
    { timeout: 30_000 },
  );
  await main.getByRole('button', { name: 'Report…' }).click();
  return { devices, bulkChangeId, main };
}

/** The file a Saved line names, as the desk would find it from the path shown. */
async function savedPath(page: Page, extension: string): Promise<string> {
  const main = page.getByRole('main');
  const saved = main.getByRole('status').filter({ hasText: /^Saved / });
  await expect(saved).toContainText(new RegExp(`\\.${extension} — `));
  return saved.getByLabel('Where the file is').inputValue();
}

/** A sheet's rows as arrays of cell text. */
function sheetRows(file: string, sheet?: string): string[][] {
  const book = XLSX.readFile(file);
  const name = sheet ?? book.SheetNames[0]!;
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, raw: false });
}

test('a bulk change report is previewed and exported, compliance narrows, a device has its history, and the audit check catches a changed byte', async ({
  page,
  consoleUrl,
}) => {
  const { devices, bulkChangeId, main } = await suspendAndOpenReport(page, consoleUrl);
  const [first] = devices as [DeviceRow];

  // The report opens on that change: summary above, every device below.
  await expect(
    main.getByRole('heading', { name: `Bulk change #${bulkChangeId}: ${TITLE}` }),
  ).toBeVisible();
  await expect(main.getByLabel('Summary')).toContainText('SUCCEEDED 20');
  await expect(main.getByText('20 rows; times are in')).toBeVisible();
  const grid = main.getByRole('table', { name: `Bulk change #${bulkChangeId}: ${TITLE}` });
  await expect(grid.getByRole('row')).toHaveCount(21);
  await expect(grid.getByRole('row').filter({ hasText: first.iccid })).toContainText('SUCCEEDED');

  await main.getByRole('button', { name: 'Export as xlsx' }).click();
  await expect(main.getByText(/— 20 rows$/)).toBeVisible();
  const xlsx = sheetRows(await savedPath(page, 'xlsx'), 'Devices');
  expect(xlsx[0]).toContain('ICCID');
  expect(xlsx.find((row) => row[0] === first.iccid)).toContain('SUCCEEDED');

  // Another zone: the preview and the file say the same times.
  await main.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await expect(main.getByText('20 rows; times are in Asia/Tokyo.')).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: first.iccid })).toContainText('+09:00');
  await main.getByRole('button', { name: 'Export as csv' }).click();
  const csvFile = await savedPath(page, 'csv');
  const csv = sheetRows(csvFile);
  const header = csv.find((row) => row[0] === 'ICCID')!;
  const firstRow = csv.find((row) => row[0] === first.iccid)!;
  expect(firstRow[header.indexOf('Outcome')]).toBe('SUCCEEDED');
  expect(firstRow[header.indexOf('Completed')]).toMatch(/\+09:00$/);

  await main.getByRole('button', { name: 'Evidence pack' }).click();
  await expect(main.getByText(/Audit log check: Intact: \d+ entries/)).toBeVisible();
  await expect(main.getByText('No imported file in it')).toBeVisible();

  // Compliance around today (Tokyo's day may be tomorrow here): every change, then only POND's.
  await main.getByRole('tab', { name: 'Compliance' }).click();
  await main.getByLabel('From').fill(dayIn(-1));
  await main.getByLabel('To').fill(dayIn(1));
  await main.getByRole('button', { name: 'Show report' }).click();
  await expect(main.getByText('20 rows; times are in Asia/Tokyo.')).toBeVisible();
  const pond = devices.filter((device) => device.carrier === 'pond').length;
  expect(pond).toBeGreaterThan(0);
  await main.getByRole('combobox', { name: 'Carrier' }).selectOption({ label: 'POND IoT' });
  await main.getByRole('button', { name: 'Show report' }).click();
  await expect(main.getByText(`${pond} rows; times are in Asia/Tokyo.`)).toBeVisible();

  await main.getByRole('tab', { name: 'Device history' }).click();
  await main.getByLabel('ICCID, IMEI or MSISDN').fill(first.iccid);
  await main.getByRole('button', { name: 'Show history' }).click();
  await expect(
    main.getByRole('heading', { name: `Device history of ICCID ${first.iccid}` }),
  ).toBeVisible();
  await expect(main.getByText('1 row; times are in Asia/Tokyo.')).toBeVisible();

  const verify = main.getByRole('button', { name: 'Verify audit log' });
  await verify.click();
  const intact = main
    .getByRole('status')
    .filter({ hasText: /^Intact: \d+ entries, head \d+:[0-9a-f]{64}$/ });
  await expect(intact).toBeVisible();
  const head = /[0-9a-f]{64}/.exec((await intact.textContent()) ?? '')![0];

  // The head written down now must still hold later; a mistyped one is named under the field.
  const db = new Database(databaseFile(path.dirname(path.dirname(csvFile))));
  db.pragma('busy_timeout = 5000');
  const { lastId } = db
    .prepare<[], { lastId: number }>('SELECT max(id) AS lastId FROM bulk_change_log')
    .get()!;
  const anchor = main.getByLabel('Recorded head (optional)');
  await anchor.fill(`${lastId}:${head.slice(0, 20)}`);
  await anchor.press('Tab');
  await expect(main.getByText(/^Write the recorded head as its entry number/)).toBeVisible();
  const broken = main.getByRole('alert').filter({ hasText: /^Broken at entry / });
  const otherHead = head.replace(/^./, (digit) => (digit === '0' ? '1' : '0'));
  await anchor.fill(`${lastId}:${otherHead}`);
  await verify.click();
  await expect(broken).toBeVisible();
  await anchor.fill(`${lastId}:${head}`);
  await verify.click();
  await expect(intact).toBeVisible();
  await expect(broken).toHaveCount(0);

  // One byte of a logged request changed behind the console's back.
  const victim = db
    .prepare<[], { id: number; request_text: string }>(
      'SELECT id, request_text FROM bulk_change_log WHERE request_text IS NOT NULL ORDER BY id LIMIT 1 OFFSET 3',
    )
    .get()!;
  const changed = victim.request_text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
  db.exec('DROP TRIGGER IF EXISTS bulk_change_log_no_update');
  db.prepare('UPDATE bulk_change_log SET request_text = ? WHERE id = ?').run(changed, victim.id);
  db.close();
  await verify.click();
  await expect(broken).toContainText(`Broken at entry ${victim.id}:`);
});

test('a reconciliation asks the carriers and lists the run with the device that differs', async ({
  page,
  consoleUrl,
}) => {
  const { devices, bulkChangeId, main } = await suspendAndOpenReport(page, consoleUrl);
  // Our record of one device goes wrong after the change: the carrier still says suspended.
  const [, drifted] = devices as [DeviceRow, DeviceRow];
  const exported = await callCore(consoleUrl, 'reports:export', {
    report: { kind: 'bulkChange', bulkChangeId },
    format: 'csv',
  });
  const db = new Database(databaseFile(path.dirname(path.dirname(exported!.path))));
  db.pragma('busy_timeout = 5000');
  db.prepare("UPDATE devices SET status = 'active' WHERE iccid = ?").run(drifted.iccid);
  db.close();

  await main.getByRole('tab', { name: 'Reconciliation' }).click();
  await main.getByRole('combobox', { name: 'Bulk change' }).selectOption(String(bulkChangeId));
  await expect(main.getByText('No runs yet for this bulk change.')).toBeVisible();
  await main.getByRole('button', { name: 'Ask the carriers now' }).click();
  await expect(
    main.getByText('Checked 20 devices: 19 matching, 1 with differences, 0 not checked.'),
  ).toBeVisible({ timeout: 30_000 });
  await expect(main.getByRole('table', { name: 'Earlier runs' }).getByRole('row')).toHaveCount(2);
  await expect(main.getByText('20 rows; times are in')).toBeVisible();
  const grid = main.getByRole('table', { name: /^Reconciliation of bulk change/ });
  await expect(grid.getByRole('row').nth(1)).toContainText(drifted.iccid);
  await expect(grid.getByRole('row').nth(1)).toContainText('Status: ours active');
});
