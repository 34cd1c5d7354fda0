import type { z } from 'zod';
import { isChannel, requests, type Channel, type ParsedRequestOf } from './index';
import { fail, ok, type Result } from './result';

/** Names the field and what is wrong with it, e.g. `limit: Too big: expected number to be <=500`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(request)';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses a request from an untrusted side before it may reach core. */
export function parseRequest<C extends Channel>(
  channel: C | string,
  raw: unknown,
): Result<{ channel: C; request: ParsedRequestOf<C> }> {
  if (!isChannel(channel))
    return fail('unknown_channel', `There is no channel named "${channel}".`);
  const parsed = requests[channel].request.safeParse(raw ?? {});
  if (!parsed.success) {
    return fail(
      'invalid_request',
      `${channel} was sent a bad request: ${describeIssues(parsed.error.issues)}`,
    );
  }
  return ok({ channel: channel as C, request: parsed.data as ParsedRequestOf<C> });
}
