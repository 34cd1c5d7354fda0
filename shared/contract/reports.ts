import { z } from 'zod';
import { Carrier } from '../domain/carriers';
import { ChangeType, DeviceChangeStatus } from '../domain/changes';
import { defineRequest } from './define';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.');

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

/** Which report, with its filters, and the time zone its times are written in. */
export const ReportSpec = z
  .discriminatedUnion('kind', [BulkChangeReportSpec, ComplianceReportSpec, DeviceHistoryReportSpec])
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

/** Where an export was written: always the workspace's reports folder, never a path the caller chose. */
export const ReportFile = z.object({
  path: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ReportFile = z.infer<typeof ReportFile>;

export const ReportFormat = z.enum(['xlsx', 'csv', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

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
  'reports:export': defineRequest(
    'Writes a whole report as xlsx or csv into the workspace’s reports folder, row by row.',
    z.object({ report: ReportSpec, format: ReportFormat }),
    ReportFile,
  ),
};
