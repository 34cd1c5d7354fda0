import { z } from 'zod';
import { BulkStatus, ChangeType, DeviceChangeStatus } from '../domain/changes';
import { defineEvent, defineRequest } from './define';

const BulkId = z.object({ bulkChangeId: z.number().int().positive() });

export const StatusCountsSchema = z.record(DeviceChangeStatus, z.number().int());

export const BulkProgress = z.object({
  bulkChangeId: z.number().int(),
  status: BulkStatus,
  paused: z.boolean(),
  counts: StatusCountsSchema,
  done: z.number().int(),
  total: z.number().int(),
  ratePerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  lanes: z.array(
    z.object({
      /** The carrier account of the lane; null for changes made only in our store. */
      accountId: z.number().int().nullable().optional(),
      carrier: z.string(),
      done: z.number().int(),
      total: z.number().int(),
      state: z.enum(['running', 'idle', 'waiting']),
      reason: z.string().nullable(),
    }),
  ),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

/** What the desk asks for: a change type, its parameters, and the devices by ICCID/IMEI/MSISDN. */
export const BulkRequest = z.object({
  changeType: ChangeType,
  params: z.record(z.string(), z.unknown()),
  devices: z.array(z.string().max(64)).min(1, 'list at least one device').max(1_000_000),
  title: z.string().trim().max(200).optional(),
});

export const FieldChangeSchema = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const BulkPlan = z.object({
  accepted: z.array(z.object({ iccid: z.string(), changes: z.array(FieldChangeSchema) })),
  refused: z.array(z.object({ row: z.number().int(), value: z.string(), reason: z.string() })),
});
export type BulkPlan = z.infer<typeof BulkPlan>;

export const BulkSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  changeType: ChangeType,
  status: BulkStatus,
  paused: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  counts: StatusCountsSchema,
});
export type BulkSummary = z.infer<typeof BulkSummary>;

export const AuditVerification = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    count: z.number().int(),
    /** The head as `headId:headHash` is what verify-audit --head and the Reports page take. */
    headId: z.number().int(),
    headHash: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    count: z.number().int(),
    firstBrokenId: z.number().int(),
    reason: z.string(),
  }),
]);

export const bulkRequests = {
  'bulk:preview': defineRequest(
    'Dry run: what would change per device, and which devices are refused and why.',
    BulkRequest,
    BulkPlan,
  ),
  'bulk:create': defineRequest(
    'Creates a bulk change from the accepted devices (a draft unless `submit`); refused devices are listed, not queued.',
    BulkRequest.extend({
      submit: z.boolean().default(false),
      allowRefused: z.boolean().default(false),
    }),
    BulkPlan.extend({ bulkChangeId: z.number().int() }),
  ),
  'bulk:submit': defineRequest('Queues a draft bulk change.', BulkId, BulkSummary),
  'bulk:get': defineRequest('One bulk change with its counts.', BulkId, BulkSummary),
  'bulk:list': defineRequest(
    'The most recent bulk changes.',
    z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    z.array(BulkSummary),
  ),
  'bulk:pause': defineRequest(
    'Stops sending more of a bulk change; calls already out finish.',
    BulkId,
    BulkSummary,
  ),
  'bulk:resume': defineRequest('Carries on with a paused bulk change.', BulkId, BulkSummary),
  'bulk:cancel': defineRequest('Cancels the rows not yet sent.', BulkId, BulkSummary),
  'bulk:retryFailed': defineRequest(
    'Queues the failed rows again with fresh attempts.',
    BulkId,
    BulkSummary,
  ),
  'audit:verify': defineRequest(
    'Checks the audit log’s hash chain end to end; with an anchor, also that a head recorded earlier still holds.',
    z.object({
      anchor: z
        .object({
          lastId: z.number().int().min(0),
          hash: z.string().regex(/^[0-9a-f]{64}$/, 'A chain head hash is 64 hex digits.'),
        })
        .optional(),
    }),
    AuditVerification,
  ),
};

export const bulkEvents = {
  /** A few times a second per running bulk change; never one message per device. */
  'bulk:progress': defineEvent(BulkProgress),
};
