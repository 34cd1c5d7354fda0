import type { AxiosRequestConfig } from 'axios';
import type { z } from 'zod';
import { carrierError } from '../errors';
import type { CarrierHttp } from '../http/client';
import type { CarrierError } from '../types';
import type { ThingSpaceAuth } from './auth';
import { refine } from './errors';
import { isBearerRejected, isSessionExpired } from './wire';

export type ApiResult<T> =
  { ok: true; data: T; status: number } | { ok: false; error: CarrierError; status?: number };

export type ThingSpaceCall = <S extends z.ZodType>(
  config: AxiosRequestConfig,
  schema: S,
) => Promise<ApiResult<z.infer<S>>>;

/**
 * One authenticated Connectivity Management call. A stale bearer token or an expired session
 * is renewed once and the call sent again: ThingSpace refused it before doing anything, so
 * the resend can't apply a change twice.
 */
export function thingSpaceCall(http: CarrierHttp, auth: ThingSpaceAuth): ThingSpaceCall {
  return async (config, schema) => {
    let renewedAccess = false;
    let renewedSession = false;
    for (;;) {
      const credentials = await auth.headers();
      if (!credentials.ok) return credentials;
      const { headers, access, session } = credentials.value;
      const result = await http.request<unknown>({
        ...config,
        headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
      });
      if (result.ok) {
        auth.touch(session);
        const parsed = schema.safeParse(result.data);
        if (parsed.success) return { ok: true, data: parsed.data, status: result.status };
        return {
          ok: false,
          status: result.status,
          error: carrierError(
            'malformed_response',
            'ThingSpace sent an answer in an unexpected shape; it will be tried again.',
            { httpStatus: result.status },
          ),
        };
      }
      if (!renewedAccess && isBearerRejected(result.status, result.data)) {
        renewedAccess = true;
        auth.dropAccess(access);
        continue;
      }
      if (!renewedSession && isSessionExpired(result.status, result.data)) {
        renewedSession = true;
        auth.dropSession(session);
        continue;
      }
      return { ok: false, status: result.status, error: refine(result.error) };
    }
  };
}
