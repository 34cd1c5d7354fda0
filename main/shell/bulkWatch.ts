import type { BrowserWindow } from 'electron';
import type { CoreHost } from '../host/coreHost';
import { BulkTally } from './bulkTally';
import { notifyFinished } from './notifications';
import { showTaskbarProgress } from './taskbarProgress';

/** Mirrors running bulk changes on the taskbar or dock, and notifies the desk when one ends. */
export function watchBulkChanges(host: Pick<CoreHost, 'on' | 'call'>, window: BrowserWindow) {
  const tally = new BulkTally();
  return host.on('bulk:progress', (progress) => {
    const finished = tally.take(progress);
    showTaskbarProgress(window, tally.taskbar());
    if (finished === undefined) return;
    // The event has the counts but not the title the desk knows the change by.
    void host.call('bulk:get', { bulkChangeId: finished }).then((summary) => {
      if (summary.ok) notifyFinished(summary.value, window);
    });
  });
}
