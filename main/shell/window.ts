import { BrowserWindow, nativeTheme } from 'electron';
import { MIN_SIZE } from './windowBounds';
import { rememberWindowPlace, savedWindowPlace } from './windowState';

/** The page background of each theme (theme.css `--bg`), so the window never flashes white. */
const BACKGROUND = { light: '#f4f5f7', dark: '#14171c' };

/** The console's one window, hardened, restored to where the user left it. */
export function createMainWindow(preload: string, url: string): BrowserWindow {
  const place = savedWindowPlace();
  const window = new BrowserWindow({
    width: place.width,
    height: place.height,
    x: place.x,
    y: place.y,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Carrier Ops Console',
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (place.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberWindowPlace(window);
  void window.loadURL(url);
  return window;
}
