import { BrowserWindow } from 'electron';
import { prefs } from './prefs';

/** The console's one window, hardened, restored to where the user left it. */
export function createMainWindow(preload: string, url: string): BrowserWindow {
  const state = prefs.get('window');
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Carrier Ops Console',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    prefs.set('window', { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(url);
  return window;
}
