import { z } from 'zod';
import { carrierText } from '../errors';

/** ThingSpace's answers as the adapter reads them (carrier-apis.md §1.2–§1.7). */

export const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

export const LoginResponse = z.object({ sessionToken: z.string().min(1) });

/** Every state-changing call's synchronous answer: accepted, not done. */
export const RequestIdResponse = z.object({ requestId: z.string().min(1) });

export const RequestStatusResponse = z.object({
  requestId: z.string().optional(),
  status: z.string(),
  // [assumed] The failure reason; ThingSpace documents it only in the CarrierService callback.
  faultResponse: z.object({ faultstring: z.string().nullish() }).nullish(),
});

export const DeviceIdWire = z.object({ id: z.string(), kind: z.string() });
export type DeviceIdWire = z.infer<typeof DeviceIdWire>;

export const WireDevice = z.object({
  deviceIds: z.array(DeviceIdWire),
  carrierInformations: z
    .array(
      z.object({
        state: z.string(),
        servicePlan: z.string().nullish(),
        carrierName: z.string().nullish(),
      }),
    )
    .min(1),
});
export type WireDevice = z.infer<typeof WireDevice>;

export const DeviceListResponse = z.object({
  hasMoreData: z.boolean().optional(),
  devices: z.array(WireDevice),
});

export const ServicePlans = z.array(
  z.object({ code: z.string().nullish(), name: z.string().nullish() }),
);

/** The two error envelopes ThingSpace uses (§1.8) and the gateway's fault (§1.2). */
const ErrorBody = z.object({
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  cause: z.string().optional(),
  fault: z
    .object({ code: z.coerce.string().optional(), message: z.string().optional() })
    .optional(),
});

/** The carrier's own words from an error body, for `carrierReason`. */
export function reasonOf(body: unknown): string | undefined {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success)
    return typeof body === 'string' && body.trim() ? carrierText(body) : undefined;
  const { errorCode, errorMessage, error, error_description, cause, fault } = parsed.data;
  if (errorCode || errorMessage) return [errorCode, errorMessage].filter(Boolean).join(': ');
  if (fault) return [fault.code, fault.message].filter(Boolean).join(': ');
  if (error || error_description)
    return [error, error_description, cause].filter(Boolean).join(': ');
  return undefined;
}

/** The gateway's 900901: the bearer token is wrong or expired ([doc] §1.2). */
export function isBearerRejected(status: number | undefined, body: unknown): boolean {
  const parsed = ErrorBody.safeParse(body);
  return status === 401 && parsed.success && parsed.data.fault?.code === '900901';
}

/**
 * The session token expired or is unknown. The real code is unverified (§1.8), so any error
 * that speaks of the session token counts, as does the Cloud Connector's "unauthorized".
 */
export function isSessionExpired(status: number | undefined, body: unknown): boolean {
  if (status === undefined || status < 400 || status >= 500 || isBearerRejected(status, body))
    return false;
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return false;
  const { errorCode = '', errorMessage = '', error = '', cause = '' } = parsed.data;
  return (
    /session\s*token|session.*expir/i.test(`${errorCode} ${errorMessage}`) ||
    (error === 'unauthorized' && /token/i.test(cause))
  );
}
