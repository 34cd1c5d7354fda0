import { z } from 'zod';
import { Carrier } from '../domain/carriers';
import { ChangeType, StatusAction } from '../domain/changes';
import { DeviceSelection } from './devices';
import { FieldChangeSchema } from './bulk';
import { defineRequest } from './define';

/** What a spreadsheet column can mean: one identifier, or one parameter of the change. */
export const ImportField = z.enum([
  'iccid',
  'imei',
  'msisdn',
  'eid',
  'targetStatus',
  'carrierRatePlan',
  'customerRatePlan',
  'customer',
  'site',
  'effectiveDate',
  'newIccid',
  'newImei',
]);
export type ImportField = z.infer<typeof ImportField>;

export const identifierFields = ['iccid', 'imei', 'msisdn', 'eid'] as const;

export const importFieldLabels: Record<ImportField, string> = {
  iccid: 'ICCID',
  imei: 'IMEI',
  msisdn: 'MSISDN / MDN',
  eid: 'EID',
  targetStatus: 'Target status',
  carrierRatePlan: 'Carrier rate plan',
  customerRatePlan: 'Customer rate plan',
  customer: 'Customer',
  site: 'Site',
  effectiveDate: 'Effective date',
  newIccid: 'New ICCID',
  newImei: 'New IMEI',
};

/** The largest file the console imports: far above any customer list, far below trouble. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file picked by the open dialog (a path main chose) or dropped into the window (its bytes). */
export const ImportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({
    kind: z.literal('upload'),
    name: z.string().min(1).max(255),
    /** The file's bytes, base64; the size limit is checked in core on the decoded bytes. */
    base64: z.string().max(90 * 1024 * 1024),
  }),
]);

export const ColumnInfo = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  /** The first few non-empty values, as text, so the desk can see what the column holds. */
  samples: z.array(z.string()),
});

/** Which column is which field; columns not listed are ignored. */
export const ColumnMapping = z
  .array(z.object({ column: z.number().int().min(0).max(16_383), field: ImportField }))
  .max(64);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** The change a file or selection is for: its type, the values every row shares, and whose devices. */
export const ChangeSetup = z.object({
  changeType: ChangeType,
  /** The form's values (the change type's parameters); a mapped column overrides them per row. */
  params: z.record(z.string(), z.unknown()).default({}),
  /** The tenant whose file this is: devices of any other tenant are refused. */
  tenantId: z.number().int().positive().nullable().default(null),
});
export type ChangeSetup = z.infer<typeof ChangeSetup>;

/** An opened file (or draft) and how core reads it so far. */
export const ImportSheet = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'xls', 'csv', 'draft', 'selection']),
  /** CSV only: the text encoding and delimiter core detected. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  sheet: z.string(),
  /** 1-based row of the header; rows above it (titles, notes) are skipped. 0: no header row. */
  headerRow: z.number().int().min(0),
  dataRows: z.number().int(),
  columns: z.array(ColumnInfo),
  mapping: ColumnMapping,
  /** Whether the mapping was remembered from an earlier file with the same columns. */
  mappingSource: z.enum(['remembered', 'detected', 'draft']),
  /** Things core did the desk should know about, e.g. "Skipped 2 title rows above the header". */
  notes: z.array(z.string()),
  /** A reopened draft's change; otherwise null and the desk picks one. */
  setup: ChangeSetup.nullable(),
  draftId: z.number().int().nullable(),
  title: z.string().nullable(),
});
export type ImportSheet = z.infer<typeof ImportSheet>;

export const RowSeverity = z.enum(['ok', 'warning', 'error']);
export type RowSeverity = z.infer<typeof RowSeverity>;

/** One thing wrong with a row: where, what, and what to do about it. */
export const RowProblem = z.object({
  severity: z.enum(['warning', 'error']),
  /** The column's header as the file names it (or the field's label), null for the whole row. */
  column: z.string().nullable(),
  /** The field the value is for, so a correction goes to it (headers can repeat); null for the row. */
  field: ImportField.nullable(),
  value: z.string(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof RowProblem>;

/** One row of the dry run. */
export const RowResult = z.object({
  /** The row number as the spreadsheet shows it (or the position in the selection). */
  row: z.number().int(),
  identifier: z.string(),
  iccid: z.string().nullable(),
  carrier: Carrier.nullable(),
  accountName: z.string().nullable(),
  severity: RowSeverity,
  problems: z.array(RowProblem),
  /** Before → after, per field. Empty when the row is refused. */
  changes: z.array(FieldChangeSchema),
  /** The carrier call it will take, e.g. "ThingSpace PUT /devices/actions/suspend". */
  call: z.string().nullable(),
  /** Which of the bulk changes this file makes the row goes into (index into `groups`). */
  group: z.number().int().nullable(),
});
export type RowResult = z.infer<typeof RowResult>;

export const CarrierSummary = z.object({
  carrier: Carrier.nullable(),
  rows: z.number().int(),
  ok: z.number().int(),
  warnings: z.number().int(),
  errors: z.number().int(),
});

/** The check of every row against the current inventory, catalogs and open changes. */
export const ImportCheck = z.object({
  importId: z.string(),
  total: z.number().int(),
  ok: z.number().int(),
  warnings: z.number().int(),
  errors: z.number().int(),
  byCarrier: z.array(CarrierSummary),
  /** One bulk change per distinct set of values (e.g. suspend rows and restore rows). */
  groups: z.array(
    z.object({
      label: z.string(),
      devices: z.number().int(),
      params: z.record(z.string(), z.unknown()),
    }),
  ),
  /** Per carrier account: devices, calls and how long its rate limit makes them take. */
  lanes: z.array(
    z.object({
      accountName: z.string(),
      carrier: Carrier,
      devices: z.number().int(),
      calls: z.number().int(),
      estimatedSeconds: z.number(),
    }),
  ),
  /** Lanes run side by side, so the whole change takes as long as its slowest lane. */
  estimatedSeconds: z.number(),
  /** The most common problems, for the summary ("412 rows: not in the inventory"). */
  commonProblems: z.array(z.object({ message: z.string(), rows: z.number().int() })),
});
export type ImportCheck = z.infer<typeof ImportCheck>;

export const FileDownload = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type FileDownload = z.infer<typeof FileDownload>;

export const DraftSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  changeType: ChangeType,
  rows: z.number().int(),
  sourceName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['open', 'submitted']),
  bulkChangeIds: z.array(z.number().int()),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

const ImportId = z.object({ importId: z.string().min(1).max(64) });
const DraftId = z.object({ draftId: z.number().int().positive() });

export const importRequests = {
  'import:open': defineRequest(
    'Reads a spreadsheet (xlsx, xls, csv) or an exported draft, finds the header and guesses the columns.',
    z.object({ source: ImportSource }),
    ImportSheet,
  ),
  'import:openDialog': defineRequest(
    'Shows the desktop app’s open dialog (main owns it and the path) and opens the file chosen; null if none.',
    z.object({}),
    ImportSheet.nullable(),
  ),
  'import:configure': defineRequest(
    'Reads another sheet of the file, or takes the header from another row.',
    ImportId.extend({
      sheet: z.string().optional(),
      headerRow: z.number().int().min(0).max(1000).optional(),
    }),
    ImportSheet,
  ),
  'import:fromSelection': defineRequest(
    'Starts a change from devices picked in the grid; check, rows and submit then work as for a file.',
    z.object({ selection: DeviceSelection }),
    z.object({
      importId: z.string(),
      devices: z.number().int(),
      /** Account ids the selected devices live on, to narrow the carrier plan picker. */
      accountIds: z.array(z.number().int()),
      /** Status moves at least one selected device can take. */
      allowedActions: z.array(StatusAction),
    }),
  ),
  'import:check': defineRequest(
    'Validates every row for a change (the dry run); remembers the column mapping for files laid out alike.',
    ImportId.extend({
      /** Empty keeps the mapping core has (a selection's ICCIDs, a draft's fields). */
      mapping: ColumnMapping,
      setup: ChangeSetup,
    }),
    ImportCheck,
  ),
  'import:rows': defineRequest(
    'A page of the dry run: each row with its problems, before → after and carrier call.',
    ImportId.extend({
      show: z.enum(['all', 'problems', 'errors', 'warnings', 'ok']).default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(RowResult) }),
  ),
  'import:editRow': defineRequest(
    'Corrects one value of one row (e.g. a mistyped ICCID); check again to see the result.',
    ImportId.extend({
      row: z.number().int().min(1),
      field: ImportField,
      value: z.string().max(200),
    }),
    z.object({ row: z.number().int() }),
  ),
  'import:submit': defineRequest(
    'Checks again, then creates and queues the bulk changes; error rows are left out only if asked.',
    ImportId.extend({
      title: z.string().trim().max(200).optional(),
      skipErrors: z.boolean().default(false),
    }),
    z.object({
      bulkChangeIds: z.array(z.number().int()),
      devices: z.number().int(),
      skipped: z.number().int(),
    }),
  ),
  'import:saveDraft': defineRequest(
    'Keeps the rows, mapping and change as a draft to finish later or on another workstation.',
    ImportId.extend({ title: z.string().trim().min(1, 'give the draft a title').max(200) }),
    DraftSummary,
  ),
  'import:cancel': defineRequest(
    'Stops reading or checking a large file.',
    ImportId,
    z.object({ cancelled: z.boolean() }),
  ),
  'import:close': defineRequest(
    'Forgets an opened file; nothing stored changes.',
    ImportId,
    z.object({ closed: z.boolean() }),
  ),
  'import:template': defineRequest(
    'A spreadsheet with the columns a change type takes and an example row.',
    z.object({ changeType: ChangeType }),
    FileDownload,
  ),
  'drafts:list': defineRequest('Saved drafts, newest first.', z.object({}), z.array(DraftSummary)),
  'drafts:open': defineRequest(
    'Reopens a draft; check it again against today’s inventory before submitting.',
    DraftId,
    ImportSheet,
  ),
  'drafts:export': defineRequest(
    'The draft as a file another workstation can import.',
    DraftId,
    FileDownload,
  ),
  'drafts:delete': defineRequest('Deletes a draft.', DraftId, z.object({ deleted: z.boolean() })),
};

/** The pickers of the change forms, fed by the catalogs. */
export const CatalogOptions = z.object({
  tenants: z.array(z.object({ id: z.number().int(), name: z.string() })),
  customers: z.array(
    z.object({ id: z.number().int(), tenantId: z.number().int(), name: z.string() }),
  ),
  sites: z.array(
    z.object({ id: z.number().int(), customerId: z.number().int(), name: z.string() }),
  ),
  carrierRatePlans: z.array(
    z.object({
      accountId: z.number().int(),
      accountName: z.string(),
      carrier: Carrier,
      code: z.string(),
      name: z.string(),
    }),
  ),
  customerRatePlans: z.array(
    z.object({
      id: z.number().int(),
      tenantId: z.number().int(),
      code: z.string(),
      name: z.string(),
    }),
  ),
  customerPools: z.array(
    z.object({ id: z.number().int(), tenantId: z.number().int(), name: z.string() }),
  ),
});
export type CatalogOptions = z.infer<typeof CatalogOptions>;

export const catalogRequests = {
  'catalog:options': defineRequest(
    'Tenants, customers, sites and rate plans for the change forms; carrier plans only of the given accounts.',
    z.object({ accountIds: z.array(z.number().int()).max(100).optional() }),
    CatalogOptions,
  ),
};
