import { z } from 'zod';
import { DeviceStatus } from '../../../../shared/domain/devices';
import { carrierStatusWords } from '../statuses';

const letterToStatus = Object.fromEntries(
  Object.entries(carrierStatusWords.telegence).map(([status, letter]) => [letter, status]),
) as Record<string, DeviceStatus>;

/**
 * How this adapter talks Telegence where AT&T publishes nothing (carrier-apis.md §3.6). The
 * defaults are the reference's: production partner code's polling cadence, the status letters
 * of our sandbox seed, and PATCH `mode` values equal to the target status letter [assumed].
 */
export const TelegenceAdapterSettings = z.object({
  /** Activation polling: every 300 s, at most 6 checks, as partner code does (carrier-apis.md §3.3). */
  pollPolicy: z
    .object({
      intervalMs: z.number().int().positive().default(300_000),
      maxPolls: z.number().int().positive().default(6),
    })
    .prefault({}),
  /** The API allows at most 200 service activations per request [doc]. */
  maxActivationsPerRequest: z.number().int().min(1).max(200).default(200),
  /** PATCH `mode` per action [assumed]: the status letter the line should end in. */
  modes: z
    .object({
      suspend: z.string().min(1).default('S'),
      restore: z.string().min(1).default('A'),
      deactivate: z.string().min(1).default('C'),
    })
    .prefault({}),
  /** PATCH `reasonCode` per action [assumed]: AT&T's code list is not public. */
  reasonCodes: z
    .object({
      suspend: z.string().min(1).default('SUSPEND'),
      restore: z.string().min(1).default('RESTORE'),
      deactivate: z.string().min(1).default('CANCEL'),
    })
    .prefault({}),
  /** Activation statuses that are still in progress (compared case-insensitively). */
  pendingStatuses: z.array(z.string()).default(['pending', 'reserved']),
  /** The configurable "error status list", checked against service.status and interactionStatus. */
  errorStatuses: z.array(z.string()).default(['rejected']),
  /** subscriberStatus letter → our status. */
  statusLetters: z.record(z.string(), DeviceStatus).default(letterToStatus),
  /** Billing account (BAN) new lines are opened on, when the account needs one sent. */
  billingAccountNumber: z.string().optional(),
  /** The subscriber number testConnection reads: any answer but a refusal proves the pair works. */
  probeSubscriberNumber: z.string().default('0000000000'),
});
export type TelegenceAdapterSettings = z.infer<typeof TelegenceAdapterSettings>;
export type TelegenceAdapterSettingsInput = z.input<typeof TelegenceAdapterSettings>;

/** How the engine should schedule activation polls for this adapter. */
export type PollPolicy = TelegenceAdapterSettings['pollPolicy'];
