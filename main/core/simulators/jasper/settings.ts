import { z } from 'zod';
import { JasperStatus, defaultTransitions } from './statuses';

/**
 * Control Center's error codes that the public record does not give. Only 10000001 (Invalid
 * credentials) is verified; every other code here is a placeholder in the real `10000xxx`
 * family, to be re-pointed when Cisco's per-function error lists are obtained.
 */
const ErrorCodes = z.object({
  deviceNotFound: z.string().default('10000003'),
  invalidBody: z.string().default('10000010'),
  invalidSearch: z.string().default('10000012'),
  invalidFields: z.string().default('10000013'),
  invalidStatus: z.string().default('10000018'),
  invalidRatePlan: z.string().default('10000019'),
  invalidCommunicationPlan: z.string().default('10000020'),
  invalidTransition: z.string().default('10000022'),
  noEditableField: z.string().default('10000024'),
  invalidEffectiveDate: z.string().default('10000030'),
  effectiveDateTooFar: z.string().default('10000031'),
  ipv4Incomplete: z.string().default('10000040'),
  ipv4NotSupported: z.string().default('10000041'),
  invalidIpv4: z.string().default('10000042'),
  /** Injected per-device refusals (`deviceFailures`). */
  deviceRejected: z.string().default('10000050'),
  rateLimited: z.string().default('10000099'),
});

/** Every [assumed] behaviour of the Control Center simulator, defaulted as the reference says. */
export const JasperSettings = z.object({
  /** [doc] ≤ 5 calls per second and one call at a time per API user. */
  rateLimit: z
    .object({
      perSecond: z.number().positive().default(5),
      concurrency: z.number().int().positive().default(1),
      /**
       * [assumed] What Cisco does on excess is undocumented: `throttle` answers 429, `count`
       * only counts, `delay` holds the answer until the call would have been within the limit.
       */
      onExceed: z.enum(['throttle', 'count', 'delay']).default('throttle'),
    })
    .prefault({}),
  codes: ErrorCodes.prefault({}),
  /** [assumed] HTTP status for an unknown ICCID. */
  notFoundStatus: z.number().int().min(400).max(499).default(404),
  /** [assumed] Allowed enterprise status moves; a state missing from the map allows none. */
  transitions: z
    .partialRecord(JasperStatus, z.array(JasperStatus))
    .default(() => structuredClone(defaultTransitions)),
  /** [assumed] Setting a SIM to the status it already has: a harmless no-op, or refused. */
  sameStatus: z.enum(['accept', 'reject']).default('accept'),
  /** [assumed] Search Devices with pageSize above 50: refused, or served as 50. */
  pageSizeOverMax: z.enum(['reject', 'clamp']).default('reject'),
  /** [doc] A fixed IP may be set only on communication plans that support one; which do is ours to say. */
  fixedIpCommunicationPlans: z.array(z.string()).default([]),
  /** Communication plans the account has besides those the seeded devices are on. */
  communicationPlans: z.array(z.string()).default([]),
  /** [doc] The tenant's console host name: REST calls sent there get an HTML 404. */
  consoleHost: z.string().default('console.jasper.invalid'),
  accountId: z.string().default('100020620'),
});
export type JasperSettings = z.infer<typeof JasperSettings>;
export type JasperSettingsInput = z.input<typeof JasperSettings>;
export type JasperErrorCodes = JasperSettings['codes'];
