import { z } from 'zod';
import { Carrier } from '../domain/carriers';
import { ChangeType, DeviceChangeStatus } from '../domain/changes';
import { AuditVerification } from './bulk';
import { defineRequest } from './define';

/** Why a well-formed YYYY-MM-DD is not on the calendar (2026-02-31), or null if it is. */
function noSuchDay(day: string): string | null {
  const [year = 0, month = 0, date = 0] = day.split('-').map(Number);
  if (month < 1 || month > 12) return `${day} is not a day; months run from 01 to 12.`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date >= 1 && date <= days) return null;
  const name = new Date(Date.UTC(year, month - 1)).toLocaleString('en-US', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${day} is not a day; ${name} ${year} has ${days} days.`;
}

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A day is written YYYY-MM-DD.', abort: true })
  .refine((day) => noSuchDay(day) === null, {
    error: (issue) => noSuchDay(String(issue.input)) ?? 'Not a day.',
  });

/** An IANA time zone such as Europe/Paris; omitted, the computer's own zone. */
const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Not a time zone this computer knows; use a name such as Europe/Paris.')
  .optional();

export const BulkChangeReportSpec = z.object({
  kind: z.literal('bulkChange'),
  bulkChangeId: z.number().int().positive(),
});

/** Device changes of bulk changes created in [from, to], days on the report's time zone. */
export const ComplianceReportSpec = z.object({
  kind: z.literal('compliance'),
  from: Day,
  to: Day,
  tenantId: z.number().int().positive().optional(),
  carrier: Carrier.optional(),
  changeType: ChangeType.optional(),
  user: z.string().min(1).max(200).optional(),
  outcome: DeviceChangeStatus.optional(),
});

/** Every change made to one device, found by its ICCID, IMEI or MSISDN, current or former. */
export const DeviceHistoryReportSpec = z.object({
  kind: z.literal('deviceHistory'),
  identifier: z.string().trim().min(1).max(64),
});

/** A bulk change's devices, our records against what the carriers said in one reconciliation run. */
export const ReconciliationReportSpec = z.object({
  kind: z.literal('reconciliation'),
  reconciliationId: z.number().int().positive(),
});

/** Which report, with its filters, and the time zone its times are written in. */
export const ReportSpec = z
  .discriminatedUnion('kind', [
    BulkChangeReportSpec,
    ComplianceReportSpec,
    DeviceHistoryReportSpec,
    ReconciliationReportSpec,
  ])
  .and(z.object({ timeZone: TimeZone }));
export type ReportSpec = z.infer<typeof ReportSpec>;

/** A report's header lines, its columns and a page of its rows, every cell as text. */
export const ReportPage = z.object({
  title: z.string(),
  summary: z.array(z.object({ label: z.string(), value: z.string() })),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  total: z.number().int(),
});
export type ReportPage = z.infer<typeof ReportPage>;

const Page = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  timeZone: TimeZone,
});

/**
 * Where an export was written: the workspace's reports folder, or the file chosen in the desktop
 * app's save dialog (main owns it). A window never names a path.
 */
export const ReportFile = z.object({
  path: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ReportFile = z.infer<typeof ReportFile>;

export const ReportFormat = z.enum(['xlsx', 'csv', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/**
 * A file path only main (after its save dialog) and the CLI may give; a request from a window or
 * the bridge that names one is refused.
 */
const SavePath = z.string().min(1).max(4096).optional();

/** One reconciliation run: how many devices matched the carrier, and how many did not. */
export const ReconciliationSummary = z.object({
  reconciliationId: z.number().int(),
  bulkChangeId: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** running: still asking; cancelled: stopped part way, the devices not asked are not checked. */
  state: z.enum(['running', 'complete', 'cancelled']),
  devices: z.number().int(),
  /** The carrier answered, and its state agrees with our records and the change's outcome. */
  matching: z.number().int(),
  /** The carrier answered, and something differs. */
  differences: z.number().int(),
  /** The carrier could not be asked (lookup refused or failed, or the run was cancelled). */
  notChecked: z.number().int(),
});
export type ReconciliationSummary = z.infer<typeof ReconciliationSummary>;

/** An evidence pack: `rows` counts the bulk change's devices; what its check found. */
export const EvidencePackFile = ReportFile.extend({
  verification: AuditVerification,
  /** Whether the imported spreadsheet itself is in the pack (kept since import), or only its hash. */
  sourceIncluded: z.boolean(),
});
export type EvidencePackFile = z.infer<typeof EvidencePackFile>;

/** The long report work `reports:cancel` can stop, named as its progress reports are. */
export const ReportTask = z.enum([
  'reports:export',
  'reports:evidencePack',
  'reports:reconcile',
  'audit:verify',
]);
export type ReportTask = z.infer<typeof ReportTask>;

export const reportRequests = {
  'reports:bulkChange': defineRequest(
    'A bulk change report: its summary and a page of its devices, before → after and outcome.',
    Page.extend({ bulkChangeId: z.number().int().positive() }),
    ReportPage,
  ),
  'reports:compliance': defineRequest(
    'Who changed what, when, with what result, over a range of days; filterable.',
    Page.extend(ComplianceReportSpec.omit({ kind: true }).shape),
    ReportPage,
  ),
  'reports:deviceHistory': defineRequest(
    'Every change ever made to one device, also found by an ICCID or IMEI it had before a swap.',
    Page.extend({ identifier: DeviceHistoryReportSpec.shape.identifier }),
    ReportPage,
  ),
  'reports:reconciliation': defineRequest(
    'A page of a reconciliation run: each device, our records against the carrier’s, differences first.',
    Page.extend({ reconciliationId: ReconciliationReportSpec.shape.reconciliationId }),
    ReportPage,
  ),
  'reports:reconcile': defineRequest(
    'Asks the carriers for the current state of every device of a bulk change and compares it with our records; shows progress and can be cancelled.',
    z.object({ bulkChangeId: z.number().int().positive() }),
    ReconciliationSummary,
  ),
  'reports:reconciliations': defineRequest(
    'The reconciliation runs of a bulk change, newest first.',
    z.object({ bulkChangeId: z.number().int().positive() }),
    z.object({ runs: z.array(ReconciliationSummary) }),
  ),
  'reports:export': defineRequest(
    'Writes a whole report as xlsx, csv or pdf, row by row; null when the save dialog was cancelled.',
    z.object({ report: ReportSpec, format: ReportFormat, path: SavePath }),
    ReportFile.nullable(),
  ),
  'reports:evidencePack': defineRequest(
    'Writes a finished bulk change’s evidence pack (zip: reports, source file, chain segment, verification, README for the auditor); null when the save dialog was cancelled.',
    z.object({
      bulkChangeId: z.number().int().positive(),
      timeZone: TimeZone,
      path: SavePath,
    }),
    EvidencePackFile.nullable(),
  ),
  'reports:cancel': defineRequest(
    'Stops a running export, evidence pack, reconciliation or audit check: the one named, or all.',
    z.object({ task: ReportTask.optional() }),
    z.object({ cancelled: z.boolean() }),
  ),
  'reports:reveal': defineRequest(
    'Shows an exported file in the computer’s file manager (the desktop app only).',
    z.object({ path: z.string().min(1).max(4096) }),
    z.object({ shown: z.boolean() }),
  ),
};
