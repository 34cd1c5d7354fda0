import { screen, type BrowserWindow } from 'electron';
import { prefs } from './prefs';
import { placeWindow, type SavedWindow } from './windowBounds';

/** Where the window opens: where it was left, if that is still on one of today's screens. */
export function savedWindowPlace(): SavedWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return placeWindow(prefs.get('window'), workAreas);
}

/** Remembers the window's normal (unmaximized) bounds and whether it was maximized. */
export function rememberWindowPlace(window: BrowserWindow): void {
  window.on('close', () => {
    prefs.set('window', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
}
