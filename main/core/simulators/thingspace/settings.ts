import { z } from 'zod';

/** A canned error answer: status and body, so a guessed wire shape can be re-pointed. */
const Reply = z.object({ status: z.number().int().min(400).max(599), body: z.unknown() });
export type Reply = z.infer<typeof Reply>;

/**
 * The ThingSpace behaviours the public record leaves open (carrier-apis.md §7.1 [assumed]), with
 * the reference's defaults, plus the documented knobs (latency, account flags) tests turn.
 * Documented rules with fixed numbers (lockout after 5, 20-minute idle, quotas) live in rules.ts.
 */
export const ThingSpaceSimSettings = z.object({
  /** [assumed] The token server's answer to a wrong app key or secret. */
  oauthWrongClient: Reply.default({
    status: 401,
    body: { error: 'invalid_client', error_description: 'Client authentication failed.' },
  }),
  /** [assumed] The answer to a missing, unknown or idle-expired VZ-M2M-Token. */
  sessionExpired: Reply.default({
    status: 400,
    body: {
      errorCode: 'UnifiedWebService.REQUEST_FAILED.SessionToken.Expired',
      errorMessage: 'SessionToken Expired',
    },
  }),
  /** [assumed] The answer to a wrong username or password. */
  badLogin: Reply.default({
    status: 400,
    body: {
      errorCode: 'UnifiedWebService.REQUEST_FAILED.InvalidCredentials',
      errorMessage: 'Invalid username or password.',
    },
  }),
  /** [assumed] The answer to any login for a locked user. */
  lockedLogin: Reply.default({
    status: 400,
    body: {
      errorCode: 'UnifiedWebService.REQUEST_FAILED.UserLocked',
      errorMessage: 'The user is locked after too many failed logins. Contact Verizon Support.',
    },
  }),
  /** [assumed] Unknown top-level keys (a client's `deviceList` typo) are refused. */
  rejectUnknownKeys: z.boolean().default(true),
  /** [assumed] The device-list state while an activation is pending; the real word is unknown. */
  pendingStateWord: z.string().min(1).default('pending activation'),
  /**
   * [assumed] Where a broken state rule (wrong state, quota used up) is reported: in the
   * per-device result as ThingSpace reports processing errors (`async`), or as a synchronous 400.
   */
  ruleViolations: z.enum(['async', 'sync']).default('async'),
  /** [doc] A per-minute cap on activate calls; [assumed] its number and how it is signalled. */
  activateThrottle: z
    .object({
      perMinute: z.number().int().positive().default(10),
      signal: z.enum(['http429', 'error400']).default('http429'),
      retryAfter: z.boolean().default(true),
    })
    .prefault({}),
  /** [assumed] Devices per device-list page, continued with `earliest`. */
  listPageSize: z.number().int().positive().default(2000),
  /**
   * [assumed] The request-status call is documented for single-device activate, deactivate,
   * suspend and restore; `true` lets it answer single-device plan and ID changes too.
   */
  statusCoversAllActions: z.boolean().default(true),
  /**
   * [assumed] A failed request's status carries `faultResponse.faultstring`, the reason the
   * real API sends only by callback (which a desktop behind NAT never receives).
   */
  statusShowsFault: z.boolean().default(true),
  /** [doc] How long an activation stays PENDING ACTIVATION (minutes normally, up to 24 h). */
  activationLatencyMs: z
    .number()
    .min(0)
    .default(5 * 60_000),
  /** How long suspend, restore, deactivate, plan and ID changes stay pending. */
  changeLatencyMs: z.number().min(0).default(60_000),
  /** [doc] The IoT Order Flow account flag: 25 suspend/restore actions per line per day. */
  iotOrderFlow: z.boolean().default(false),
  /** [doc] More than 10,000 devices in one activate only when the account allows it. */
  allowOversizeActivate: z.boolean().default(false),
});
export type ThingSpaceSimSettings = z.infer<typeof ThingSpaceSimSettings>;
export type ThingSpaceSimSettingsInput = z.input<typeof ThingSpaceSimSettings>;
