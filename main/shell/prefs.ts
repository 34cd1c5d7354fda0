import Store from 'electron-store';
import { DEFAULT_SIZE, type SavedWindow } from './windowBounds';

/** Window state and preferences only; never credentials or workspace data. */
export interface Prefs {
  window: SavedWindow;
}

export const prefs = new Store<Prefs>({
  name: 'preferences',
  defaults: { window: { ...DEFAULT_SIZE, maximized: false } },
});
