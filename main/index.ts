import { app, BrowserWindow, dialog, ipcMain, nativeTheme } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventNames } from '../shared/contract';
import { DATA_ENV } from './core/workspace/paths';
import { DEFAULT_DEMO_DEVICES } from './core/workspace/seedSandbox';
import { startCoreHost, type CoreHost } from './host/coreHost';
import { registerContract, trustedUrlCheck } from './ipc/registerContract';
import { desktopDialogs } from './shell/dialogs';
import { watchBulkChanges } from './shell/bulkWatch';
import { installMenu } from './shell/menu';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { applySecurityPolicy } from './shell/security';
import { createMainWindow } from './shell/window';

// The Electron shell: lifecycle, window, security policy and IPC. Everything else is core.
const here = import.meta.dirname;
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = trustedUrlCheck(devServerUrl);
let host: CoreHost | undefined;

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();
// Windows shows notifications only for an app with an identity; the installer's appId.
app.setAppUserModelId('com.carrierops.console');

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.whenReady().then(
  async () => {
    applySecurityPolicy(isTrustedUrl);
    // The renderer's colours follow the OS (prefers-color-scheme); so do the window's frame and menus.
    nativeTheme.themeSource = 'system';
    installMenu(devServerUrl !== undefined);
    serveRenderer(join(here, '../renderer'));
    host = await startCoreHost({
      workerUrl: pathToFileURL(join(here, 'core-worker.js')),
      core: {
        dataDir: process.env[DATA_ENV] ?? join(app.getPath('userData'), 'workspace'),
        appVersion: app.getVersion(),
        sandboxDevices: DEFAULT_DEMO_DEVICES,
      },
    });
    registerContract(ipcMain, host, isTrustedUrl, desktopDialogs());
    for (const event of eventNames) {
      host.on(event, (payload) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
      });
    }
    const window = createMainWindow(
      join(here, '../preload/index.cjs'),
      devServerUrl ?? 'app://console/',
    );
    watchBulkChanges(host, window);
    // A window that loads while the sandbox is being created still sees how far it got.
    window.webContents.on('did-finish-load', () => {
      for (const message of host?.latestProgress() ?? [])
        window.webContents.send(message.event, message.payload);
    });
  },
  (error: unknown) => {
    // A workspace from a newer version is refused: the user must see why, not a vanished app.
    console.error('Carrier Ops Console could not start', error);
    dialog.showErrorBox("Carrier Ops Console can't open its workspace", (error as Error).message);
    app.exit(1);
  },
);

app.on('window-all-closed', () => app.quit());

let closing = false;
app.on('will-quit', (event) => {
  if (closing || !host) return;
  closing = true;
  event.preventDefault();
  // Drain core and close the database before the process ends.
  void host.close().finally(() => app.quit());
});
