import { z } from 'zod';
import { DeviceStatus } from '../../../../shared/domain/devices';
import { carrierStatusWords } from '../../carriers/statuses';

const minutes = (n: number) => n * 60_000;

/**
 * What the Telegence simulator does where the research reference had to guess. Every field is
 * an `[assumed]` behaviour of carrier-apis.md §7.3 (or a [doc] number kept adjustable), with the
 * reference's default, so the team can re-point it once real AT&T documents or traces arrive.
 */
export const TelegenceSimSettings = z.object({
  /** [assumed] HTTP status of a missing or wrong app-id/app-secret pair (body: `{responseMessage}`). */
  authFailureStatus: z.number().int().min(400).max(499).default(401),
  /** [doc] Most service objects one activation request may carry. */
  maxActivationsPerRequest: z.number().int().positive().default(200),
  /** [assumed] HTTP status of an activation request over that limit. */
  oversizeStatus: z.number().int().min(400).max(499).default(400),
  /** [assumed] How long after submission a pending activation shows `reserved`. */
  reservedAfterMs: z.number().min(0).default(minutes(5)),
  /** [assumed] How long after submission an activation ends `active` or `rejected`. */
  completeAfterMs: z.number().min(0).default(minutes(15)),
  /** [doc] SIMs whose activation or swap answers with service.name "/service/" (eSIM profile needed). */
  esimRequiredIccids: z.array(z.string()).default([]),
  /** [assumed] The subscriberStatus letters; A and S are seen in production data, C in the sync code. */
  statusLetters: z
    .object({
      inventory: z.string().min(1),
      active: z.string().min(1),
      suspended: z.string().min(1),
      deactivated: z.string().min(1),
      pending: z.string().min(1),
    })
    .default({ ...carrierStatusWords.telegence }),
  /** [assumed] The PATCH `mode` values and the status each moves a line to; others answer 400. */
  modes: z
    .record(z.string(), DeviceStatus)
    .default({ A: 'active', S: 'suspended', C: 'deactivated' }),
  /** [assumed] Which status moves a line may make; a cancelled line stays cancelled. */
  transitions: z
    .partialRecord(DeviceStatus, z.array(DeviceStatus))
    .default({ active: ['suspended', 'deactivated'], suspended: ['active', 'deactivated'] }),
  /** [assumed] Whether a status change must carry a reasonCode. */
  requireReasonCode: z.boolean().default(true),
  /**
   * [assumed] Telegence documents no throttling. `off` by default; `count` counts calls over the
   * figures below without refusing them; `throttle` answers them 429 with Retry-After. Read at start.
   */
  throttling: z
    .object({
      mode: z.enum(['off', 'count', 'throttle']).default('off'),
      perSecond: z.number().positive().default(5),
      concurrency: z.number().int().positive().default(2),
    })
    .prefault({}),
  /**
   * [doc] pitfall "successful HTTP with a failure inside" (carrier-apis.md §3.7): apply line
   * updates but answer them 200 with plain text instead of the line detail. Off by default.
   */
  unreadableUpdateAnswers: z.boolean().default(false),
  /**
   * [assumed] Paths partner code reads from configuration (carrier-apis.md §3.1), so the real ones
   * are not public. Read at start.
   */
  paths: z
    .object({
      subscriberList: z.string().default('/sp/mobility/subscriberlist/api/v1/subscribers'),
      ipAddresses: z.string().default('/sp/mobility/staticip/api/v1/ipaddresses'),
      ipProvisioning: z.string().default('/sp/mobility/staticip/api/v1/provisioning'),
      ipProvisioningStatus: z.string().default('/sp/mobility/staticip/api/v1/provisioning/status'),
    })
    .prefault({}),
  /** [assumed] Names of the subscriber list's paging headers (the real ones are in an unseen file). */
  pageHeaders: z
    .object({
      page: z.string().default('current-page'),
      pageSize: z.string().default('page-size'),
      pageTotal: z.string().default('page-total'),
      refreshTimestamp: z.string().default('refresh-timestamp'),
    })
    .prefault({}),
  /** [assumed] Page size when the request names none (partner code asks for 250). */
  defaultPageSize: z.number().int().positive().default(250),
  /** [doc] Most subscribers one static-IP provisioning request may carry. */
  maxIpProvisioningPerRequest: z.number().int().positive().default(10),
  /** [assumed] Time each provisioning step (profile check, IP reservation, profile update) takes. */
  ipStepMs: z.number().min(0).default(60_000),
  /** [assumed] The billing account (BAN) every simulated line belongs to. */
  billingAccountNumber: z.string().default('287012345678'),
  /** [assumed] The foundation account (FAN) above that BAN. */
  foundationAccountNumber: z.string().default('23012345'),
});
export type TelegenceSimSettings = z.infer<typeof TelegenceSimSettings>;
export type TelegenceSimSettingsInput = z.input<typeof TelegenceSimSettings>;
