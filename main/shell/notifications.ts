import { Notification, type BrowserWindow } from 'electron';
import type { BulkSummary } from '../../shared/contract/bulk';
import { finishedNotice } from './notificationText';

/** Tells the desk a bulk change ended, with its counts; clicking it brings the console forward. */
export function notifyFinished(summary: BulkSummary, window: BrowserWindow): void {
  if (!Notification.isSupported()) return;
  const notice = new Notification(finishedNotice(summary));
  notice.on('click', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  notice.show();
}
