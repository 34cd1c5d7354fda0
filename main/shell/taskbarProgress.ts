import type { BrowserWindow } from 'electron';
import type { TaskbarProgress } from './bulkTally';

/** Running bulk changes on the taskbar button (Windows, some Linux docks) or the macOS dock icon. */
export function showTaskbarProgress(window: BrowserWindow, state: TaskbarProgress): void {
  if (window.isDestroyed()) return;
  // The mode (paused yellow, error red) shows on Windows; elsewhere only the bar.
  window.setProgressBar(state.progress, { mode: state.mode });
}
