import type { Result } from '../../shared/contract';
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
  return host.call(parsed.value.channel, parsed.value.request);
}
