import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import {
  jasperSandboxCredentials,
  startJasperSimulator,
  type JasperSimulator,
} from '../../main/core/simulators/jasper';
import { callCore, expect, test } from './fixtures';
import { messyCsv } from './importFiles';

/** A loopback port nothing listens on: a carrier that can't be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function settingsPage(page: Page) {
  const main = page.getByRole('main');
  const table = main.getByRole('table', { name: 'Carrier accounts' });
  return {
    main,
    table,
    row: (name: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) }),
    panel: (name: string) => main.getByRole('region', { name }),
  };
}

test('sandbox accounts are marked and need no credentials; one moved to a shared simulator answers from there', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  await page.keyboard.press('Control+6');
  const { main, table, row, panel } = settingsPage(page);
  await expect(main.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(/Sandbox(?! \+)/);

  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5);
  for (const name of ['Verizon ThingSpace', 'Cisco Control Center', 'AT&T Telegence', 'POND IoT']) {
    await expect(row(`${name} \\(sandbox\\)`)).toContainText('Sandbox');
    await expect(row(`${name} \\(sandbox\\)`)).toContainText('Not needed (simulator)');
    await expect(row(`${name} \\(sandbox\\)`)).toContainText('Built-in simulator');
  }
  const cisco = row('Cisco Control Center \\(sandbox\\)');
  await cisco.getByRole('button', { name: /^Test connection/ }).click();
  await expect(cisco).toContainText(/Connected at .+: the simulator accepted the sign-in\./);

  // A shared training simulator that is down: the answer says so, in the carrier's words.
  await cisco.getByRole('button', { name: /^Edit/ }).click();
  const editor = panel('Cisco Control Center (sandbox)');
  await expect(editor.getByText(/signs in to its simulator .* nothing to enter/)).toBeVisible();
  const address = editor.getByLabel('API address');
  await address.fill('sandbox://pond');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    editor.getByText('This Cisco Control Center sandbox’s built-in simulator is sandbox://jasper.'),
  ).toBeVisible();
  await address.fill(`http://127.0.0.1:${await closedPort()}`);
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByRole('status')).toHaveText(
    'Saved. Running bulk changes carry on with the new settings after the call in hand.',
  );
  await editor.getByRole('button', { name: /^Test connection/ }).click();
  await expect(editor).toContainText(
    /Not connected at .+: Cisco Control Center could not be reached/,
  );

  await address.fill('sandbox://jasper');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(cisco).toContainText('Built-in simulator');
  await editor.getByRole('button', { name: /^Test connection/ }).click();
  await expect(editor).toContainText(/Connected at .+: the simulator accepted the sign-in\./);
});

test.describe('a live account', () => {
  let sim: JasperSimulator;
  test.beforeEach(async () => {
    sim = await startJasperSimulator({
      credentials: jasperSandboxCredentials,
      devices: [],
      ratePlans: [],
    });
  });
  test.afterEach(async () => {
    await sim.sim.close();
  });

  test('is added with its address checked, marked Live everywhere, paced, and asked for credentials', async ({
    page,
    consoleUrl,
  }) => {
    await page.goto(consoleUrl);
    await page.keyboard.press('Control+6');
    const { main, row, panel } = settingsPage(page);
    await main.getByRole('button', { name: 'Add account' }).click();
    const form = main.getByRole('form', { name: 'Add a live carrier account' });
    await form.getByLabel('Carrier').selectOption({ label: 'Cisco Control Center' });
    await form.getByLabel('API address').fill('http://rest.jasper.example');
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(form.getByText('Enter a name the desk will know this account by.')).toBeVisible();
    await expect(
      form.getByText(
        'The address must start with https:// so credentials are never sent in the clear.',
      ),
    ).toBeVisible();
    await form.getByLabel('Account name').fill('Cisco Control Center (SANDBOX)');
    await expect(
      form.getByText('Another account is already called “Cisco Control Center (sandbox)”.'),
    ).toBeVisible();
    await form.getByLabel('Account name').fill('Control Center');
    await form.getByLabel('API address').fill(sim.sim.url);
    await form.getByRole('button', { name: 'Add account' }).click();

    const account = row('Control Center');
    await expect(account).toContainText('Live');
    await expect(account).toContainText('Not saved');
    await expect(account).toContainText('5 calls/s, 1 at a time');
    await expect(page.getByRole('banner')).toContainText('Sandbox + 1 live account');
    const editor = panel('Control Center');
    await expect(editor.getByRole('heading', { name: 'Control Center' })).toBeVisible();

    await editor.getByRole('button', { name: /^Test connection/ }).click();
    await expect(editor).toContainText(
      /Not connected at .+: Control Center has no credentials yet\./,
    );

    // Every field is asked for; the key is typed into a password box.
    const credentials = editor.getByRole('form', { name: 'Credentials' });
    await expect(credentials.getByLabel('API key')).toHaveAttribute('type', 'password');
    await expect(credentials.getByLabel('API username')).toHaveAttribute('type', 'text');
    await credentials.getByRole('button', { name: 'Save credentials' }).click();
    await expect(credentials.getByText('API username is required')).toBeVisible();
    await expect(credentials.getByText('API key is required')).toBeVisible();

    const settings = editor.getByRole('form', { name: 'Account settings' });
    await settings.getByLabel('Rate limit (calls per second)').fill('0');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await expect(settings.getByText(/^Enter calls per second/)).toBeVisible();
    await settings.getByLabel('Rate limit (calls per second)').fill('2,5');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await expect(settings.getByRole('status')).toContainText('Saved.');
    await expect(account).toContainText(/2.5 calls\/s, 1 at a time/);
    const [saved] = (await callCore(consoleUrl, 'carriers:accounts', {})).filter(
      (a) => a.name === 'Control Center',
    );
    expect(saved).toMatchObject({
      mode: 'live',
      rateLimitPerSecond: 2.5,
      maxConcurrency: 1,
      baseUrl: sim.sim.url,
    });
  });

  test('with no keychain to hand, saving credentials says so plainly and stores nothing', async ({
    page,
    consoleUrl,
  }) => {
    // With a session bus this would write to this machine's own keychain: integration tests cover that.
    test.skip(Boolean(process.env.DBUS_SESSION_BUS_ADDRESS), 'a real keychain is reachable here');
    await callCore(consoleUrl, 'carriers:addAccount', {
      carrier: 'jasper',
      name: 'Control Center',
      baseUrl: sim.sim.url,
    });
    await page.goto(consoleUrl);
    await page.keyboard.press('Control+6');
    const { row, panel } = settingsPage(page);
    await row('Control Center').getByRole('button', { name: /^Edit/ }).click();
    const credentials = panel('Control Center').getByRole('form', { name: 'Credentials' });
    await credentials.getByLabel('API username').fill(jasperSandboxCredentials.username);
    await credentials.getByLabel('API key').fill(jasperSandboxCredentials.apiKey);
    await credentials.getByRole('button', { name: 'Save credentials' }).click();
    await expect(credentials.getByRole('alert')).toContainText(
      'The operating system keychain could not be reached',
    );
    await expect(credentials.getByRole('alert')).toContainText(
      'carrier secrets are never stored anywhere else',
    );
    await expect(row('Control Center')).toContainText('Not saved');
    expect(sim.authAttempts()).toBe(0);
  });
});

test('keyboard shortcuts reach every section, Ctrl+O opens a spreadsheet, and a file dropped anywhere opens on Import', async ({
  page,
  consoleUrl,
}) => {
  await page.goto(consoleUrl);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  const shortcuts = [
    ['1', 'Devices'],
    ['2', 'Import'],
    ['3', 'Bulk changes'],
    ['4', 'Scheduled'],
    ['5', 'Reports'],
    ['6', 'Settings'],
  ];
  for (const [key, section] of shortcuts) {
    await page.keyboard.press(`Control+${key}`);
    await expect(sections.getByRole('button', { name: section, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }

  const csv = messyCsv([], ['ICCID', 'Status'], [['89011703000000000017', 'Suspend']]);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles({ name: 'from-shortcut.csv', mimeType: 'text/csv', buffer: csv });
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await expect(main).toContainText('from-shortcut.csv');

  // A second file while one is open would throw away the work on it: the desk is told instead.
  await page.keyboard.press('Control+1');
  const drop = async (name: string) => {
    const transfer = await page.evaluateHandle(
      ({ name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'text/csv' }));
        return data;
      },
      { name, text: csv.toString() },
    );
    await page.locator('body').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.locator('body').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('dropped.csv');
  await expect(sections.getByRole('button', { name: 'Import' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(main.getByRole('alert')).toContainText(
    'from-shortcut.csv is still open here. Close it first (save it as a draft to keep your work), then open dropped.csv.',
  );
  await main.getByRole('button', { name: 'Close file' }).click();
  await page.keyboard.press('Control+3');
  await drop('dropped.csv');
  await expect(main.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await expect(main).toContainText('dropped.csv');
});
