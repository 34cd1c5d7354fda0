import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

/** The renderer's section shortcuts (renderer/app/windowInput.ts), in the sidebar's order. */
const sections = [
  ['Devices', '1'],
  ['Import', '2'],
  ['Bulk changes', '3'],
  ['Scheduled', '4'],
  ['Reports', '5'],
  ['Settings', '6'],
] as const;

/**
 * Presses the shortcut in the window. The renderer handles these keys itself (the browser build
 * has no menu), so a menu click becomes the same key press and there is one handler.
 */
function pressInWindow(keyCode: string): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window) return;
  const modifiers: ('meta' | 'control')[] = [process.platform === 'darwin' ? 'meta' : 'control'];
  window.webContents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  window.webContents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
}

const shortcut = (label: string, keyCode: string): MenuItemConstructorOptions => ({
  label,
  accelerator: `CmdOrCtrl+${keyCode}`,
  // Shown but not registered: registered, the menu would take the key before the window sees it.
  registerAccelerator: false,
  click: () => pressInWindow(keyCode),
});

/** The application menu: open a spreadsheet, the sections, editing and zoom; reload only in development. */
export function installMenu(developing: boolean): void {
  const mac = process.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        shortcut('Open spreadsheet…', 'O'),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...sections.map(([label, key]) => shortcut(label, key)),
        separator,
        // Reloading drops whatever the desk had open in the window: a developer's tool only.
        ...(developing
          ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, separator]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
