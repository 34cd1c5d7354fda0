import { z } from 'zod';
import { AccountMode, Carrier } from '../domain/carriers';
import { BulkStatus, ChangeType, DeviceChangeStatus } from '../domain/changes';
import { BulkSummary, FieldChangeSchema, StatusCountsSchema } from './bulk';
import { defineRequest } from './define';
import { FileDownload } from './imports';

const BulkId = z.object({ bulkChangeId: z.number().int().positive() });

/** One carrier account's part of a bulk change. */
export const BulkLane = z.object({
  accountId: z.number().int(),
  accountName: z.string(),
  carrier: Carrier,
  mode: AccountMode,
  counts: StatusCountsSchema,
});

/** The bulk change view's header: what, who, when, from which file, on which carriers. */
export const BulkDetail = BulkSummary.extend({
  /** "Status update: suspend", from the change's parameters. */
  description: z.string(),
  submittedAt: z.string().nullable(),
  /** The file the change was imported from, or null (a selection, the CLI). */
  sourceName: z.string().nullable(),
  lanes: z.array(BulkLane),
  total: z.number().int(),
});
export type BulkDetail = z.infer<typeof BulkDetail>;

/** One device of a bulk change, as its row in the live grid. */
export const BulkRow = z.object({
  deviceChangeId: z.number().int(),
  iccid: z.string().nullable(),
  imei: z.string().nullable(),
  carrier: Carrier.nullable(),
  accountName: z.string().nullable(),
  changes: z.array(FieldChangeSchema),
  status: DeviceChangeStatus,
  attempts: z.number().int(),
  /** The last error in the desk's words, or null. */
  lastError: z.string().nullable(),
  /** For a future-dated row, when it is due. */
  dueAt: z.string().nullable(),
  updatedAt: z.string(),
  /** For a NEEDS_REVIEW row someone resolved: who, when and why. */
  resolution: z
    .object({ by: z.string(), at: z.string(), reason: z.string(), outcome: DeviceChangeStatus })
    .nullable(),
});
export type BulkRow = z.infer<typeof BulkRow>;

/** One entry of a device change's history in the audit log (secrets were redacted before it was written). */
export const DeviceHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  status: z.string(),
  hasErrors: z.boolean(),
  request: z.string().nullable(),
  response: z.string().nullable(),
  by: z.string(),
});

export const BulkListFilter = z.object({
  statuses: z.array(BulkStatus).max(7).optional(),
  changeTypes: z.array(ChangeType).max(5).optional(),
  carriers: z.array(Carrier).max(4).optional(),
  createdBy: z.string().max(100).optional(),
  /** Created on or after / before these days (YYYY-MM-DD, the desk's calendar). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const BulkHistoryEntry = BulkSummary.extend({
  carriers: z.array(Carrier),
  /** Every carrier call went to sandbox simulators: a rehearsal, not production. */
  sandbox: z.boolean(),
  sourceName: z.string().nullable(),
  total: z.number().int(),
});
export type BulkHistoryEntry = z.infer<typeof BulkHistoryEntry>;

/** A future-dated change waiting for its day. */
export const ScheduledChange = z.object({
  deviceChangeId: z.number().int(),
  bulkChangeId: z.number().int(),
  bulkTitle: z.string(),
  changeType: ChangeType,
  iccid: z.string().nullable(),
  carrier: Carrier.nullable(),
  /** The device's account runs on a sandbox simulator. */
  sandbox: z.boolean(),
  dueAt: z.string(),
  changes: z.array(FieldChangeSchema),
  /** Another pending change on the same device, in words; null when there is none. */
  conflict: z.string().nullable(),
});
export type ScheduledChange = z.infer<typeof ScheduledChange>;

export const bulkViewRequests = {
  'bulk:detail': defineRequest(
    'A bulk change’s header: type, who, when, source file, carriers and counts per carrier.',
    BulkId,
    BulkDetail,
  ),
  'bulk:rows': defineRequest(
    'A page of a bulk change’s devices, filtered by status or searched by id.',
    BulkId.extend({
      statuses: z.array(DeviceChangeStatus).max(7).optional(),
      search: z.string().max(64).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(BulkRow) }),
  ),
  'bulk:deviceHistory': defineRequest(
    'Every request and answer of one device change, from the audit log.',
    z.object({ deviceChangeId: z.number().int().positive() }),
    z.array(DeviceHistoryEntry),
  ),
  'bulk:resolveReview': defineRequest(
    'Closes NEEDS_REVIEW rows as done or failed after someone checked the carrier; the reason is audited.',
    BulkId.extend({
      /** Omitted: every NEEDS_REVIEW row of the bulk change. */
      deviceChangeIds: z.array(z.number().int().positive()).max(100_000).optional(),
      outcome: z.enum(['SUCCEEDED', 'FAILED']),
      reason: z.string().trim().min(5, 'say what was checked (at least a few words)').max(500),
    }),
    BulkSummary,
  ),
  'bulk:failedRows': defineRequest(
    'The failed rows as a file in the import template’s layout, with the reason per row, to fix and import again.',
    BulkId.extend({ format: z.enum(['xlsx', 'csv']) }),
    FileDownload,
  ),
  'bulk:history': defineRequest(
    'Bulk changes, newest first, filtered by status, type, carrier, user or date.',
    BulkListFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), entries: z.array(BulkHistoryEntry) }),
  ),
  'schedule:list': defineRequest(
    'Every future-dated change still waiting, by date, with conflicts flagged.',
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    z.object({ total: z.number().int(), entries: z.array(ScheduledChange) }),
  ),
  'schedule:cancel': defineRequest(
    'Cancels waiting future-dated device changes; nothing was sent for them yet.',
    z.object({ deviceChangeIds: z.array(z.number().int().positive()).min(1).max(100_000) }),
    z.object({ cancelled: z.number().int() }),
  ),
};
