import { extname } from 'node:path';
import { BrowserWindow, dialog, shell } from 'electron';
import type { DesktopDialogs } from '../ipc/registerContract';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.xlsx': { name: 'Excel workbook', extensions: ['xlsx'] },
  '.csv': { name: 'CSV (comma-separated)', extensions: ['csv'] },
  '.pdf': { name: 'PDF document', extensions: ['pdf'] },
  '.zip': { name: 'Evidence pack (zip)', extensions: ['zip'] },
};

const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

/** The open and save dialogs and "Show in folder", owned by main; the window never sees a path. */
export function desktopDialogs(): DesktopDialogs {
  return {
    async pickSpreadsheet() {
      const options = {
        title: 'Open a customer spreadsheet or draft',
        properties: ['openFile' as const],
        filters: [
          { name: 'Spreadsheets and drafts', extensions: ['xlsx', 'xls', 'csv', 'txt', 'json'] },
        ],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    async pickSaveTarget(suggested) {
      const filter = FILTERS[extname(suggested)];
      const options = {
        title: extname(suggested) === '.zip' ? 'Save the evidence pack' : 'Save the report',
        defaultPath: suggested,
        filters: filter ? [filter] : [],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    reveal(path) {
      shell.showItemInFolder(path);
    },
  };
}
