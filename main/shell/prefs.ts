import Store from 'electron-store';

/** Window state and preferences only; never credentials or workspace data. */
export interface Prefs {
  window: { width: number; height: number; x?: number; y?: number; maximized: boolean };
}

export const prefs = new Store<Prefs>({
  name: 'preferences',
  defaults: { window: { width: 1280, height: 800, maximized: false } },
});
