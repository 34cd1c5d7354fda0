import { channels, type Result } from '../../shared/contract';
import { fail } from '../../shared/contract/result';
import type { CoreHost } from '../host/coreHost';
import { dispatchUntrusted } from '../host/dispatch';

/** The parts of Electron's ipcMain and its events this needs; Electron's own objects fit. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

/**
 * Registers every contract channel on ipcMain: checks that the sender is our own UI, parses the
 * request, and answers with a Result. Nothing else is exposed.
 */
export function registerContract(
  ipc: IpcMainLike,
  host: Pick<CoreHost, 'call'>,
  isTrustedUrl: (url: string) => boolean,
  /** Main's open dialog: the chosen file's path, or null when the desk cancelled. */
  pickSpreadsheet?: () => Promise<string | null>,
): void {
  for (const channel of channels) {
    ipc.handle(channel, async (event, raw): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url;
      if (url === undefined || !isTrustedUrl(url)) {
        return fail(
          'forbidden_sender',
          `A page that is not the console (${url ?? 'unknown frame'}) tried to call ${channel}; it was refused.`,
        );
      }
      if (channel === 'import:openDialog' && pickSpreadsheet) {
        // The path never passes through the window: main chooses it and hands it to core.
        const path = await pickSpreadsheet();
        return path === null
          ? { ok: true, value: null }
          : host.call('import:open', { source: { kind: 'path', path } });
      }
      return dispatchUntrusted(host, channel, raw);
    });
  }
}

/** True for our own UI: the app:// origin, or the dev server origin while developing. */
export function trustedUrlCheck(devServerUrl?: string): (url: string) => boolean {
  const trusted = new Set(['app://console']);
  if (devServerUrl) trusted.add(new URL(devServerUrl).origin);
  return (url) => {
    try {
      const parsed = new URL(url);
      return trusted.has(parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin);
    } catch {
      return false;
    }
  };
}
