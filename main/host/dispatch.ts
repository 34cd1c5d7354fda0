import type { ParsedRequestOf, Result } from '../../shared/contract';
import { fail } from '../../shared/contract/result';
import { parseRequest } from '../../shared/contract/validate';
import type { CoreHost } from './coreHost';

/** The one path from an untrusted side (a window, the bridge) to core: parse, then call. */
export async function dispatchUntrusted(
  host: Pick<CoreHost, 'call'>,
  channel: string,
  raw: unknown,
): Promise<Result<unknown>> {
  const parsed = parseRequest(channel, raw);
  if (!parsed.ok) return parsed;
  // A window names files by their bytes; only main (its dialog) and the CLI may name a path.
  if (
    parsed.value.channel === 'import:open' &&
    (parsed.value.request as ParsedRequestOf<'import:open'>).source.kind === 'path'
  )
    return fail(
      'forbidden_sender',
      'The console window cannot open files by path; drop the file or use Open file….',
    );
  // Nor may it choose where an export is written: main's save dialog or the CLI's --out does.
  const { channel: known, request } = parsed.value;
  if (
    (known === 'reports:export' || known === 'reports:evidencePack') &&
    (request as { path?: string }).path !== undefined
  )
    return fail(
      'forbidden_sender',
      'The console window cannot choose where a report is written; the save dialog does.',
    );
  return host.call(known, request);
}
