import { channels, type ParsedRequestOf, type Result } from '../../shared/contract';
import { fail } from '../../shared/contract/result';
import { parseRequest } from '../../shared/contract/validate';
import type { CoreHost } from '../host/coreHost';
import { dispatchUntrusted } from '../host/dispatch';
import { suggestedName } from './suggestedNames';

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

/** The desktop's own dialogs; main owns them and every path they give. */
export interface DesktopDialogs {
  /** The open dialog: the chosen file's path, or null when the desk cancelled. */
  pickSpreadsheet(): Promise<string | null>;
  /** The save dialog, offering `suggested`: the chosen path, or null when cancelled. */
  pickSaveTarget(suggested: string): Promise<string | null>;
  /** Shows a saved file in the computer's file manager. */
  reveal(path: string): void;
}

type SavedExport = ParsedRequestOf<'reports:export'> | ParsedRequestOf<'reports:evidencePack'>;

/**
 * Registers every contract channel on ipcMain: checks that the sender is our own UI, parses the
 * request, and answers with a Result. Nothing else is exposed.
 */
export function registerContract(
  ipc: IpcMainLike,
  host: Pick<CoreHost, 'call'>,
  isTrustedUrl: (url: string) => boolean,
  desktop?: DesktopDialogs,
): void {
  // Files saved through the dialog this session: the only ones a window may ask to reveal.
  const saved = new Set<string>();

  /** An export: main asks where, then core writes there; the window only learns the result. */
  async function saveThroughDialog(channel: string, raw: unknown): Promise<Result<unknown>> {
    const parsed = parseRequest(channel, raw);
    if (!parsed.ok) return parsed;
    const request = parsed.value.request as SavedExport;
    if (request.path !== undefined) return dispatchUntrusted(host, channel, raw);
    const path = await desktop!.pickSaveTarget(suggestedName(request));
    if (path === null) return { ok: true, value: null };
    const result = await host.call(parsed.value.channel, { ...request, path });
    if (result.ok) saved.add(path);
    return result;
  }

  function reveal(raw: unknown): Result<unknown> {
    const parsed = parseRequest('reports:reveal', raw);
    if (!parsed.ok) return parsed;
    const { path } = parsed.value.request as ParsedRequestOf<'reports:reveal'>;
    if (!saved.has(path))
      return fail(
        'not_found',
        'Only a file saved from this window can be shown in its folder; export it again.',
      );
    desktop!.reveal(path);
    return { ok: true, value: { shown: true } };
  }

  for (const channel of channels) {
    ipc.handle(channel, async (event, raw): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url;
      if (url === undefined || !isTrustedUrl(url)) {
        return fail(
          'forbidden_sender',
          `A page that is not the console (${url ?? 'unknown frame'}) tried to call ${channel}; it was refused.`,
        );
      }
      if (desktop) {
        // Paths never pass through the window: main chooses them and hands them to core.
        if (channel === 'import:openDialog') {
          const path = await desktop.pickSpreadsheet();
          return path === null
            ? { ok: true, value: null }
            : host.call('import:open', { source: { kind: 'path', path } });
        }
        if (channel === 'reports:export' || channel === 'reports:evidencePack')
          return saveThroughDialog(channel, raw);
        if (channel === 'reports:reveal') return reveal(raw);
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
