import { z } from 'zod';
import { ChangeSetup, ImportField, type FileDownload } from '../../../shared/contract/imports';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { Catalog } from './catalog';
import type { DraftContent, DraftRow } from './drafts';

const FORMAT = 'carrier-ops-console.draft';

const Value = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

/** A draft as a file: ids of customers, plans and pools differ between workstations, so names travel too. */
const DraftFile = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(1),
    title: z.string().min(1).max(200),
    sourceName: z.string().max(255),
    setup: ChangeSetup,
    names: z
      .object({
        tenant: z.string().max(200).nullable(),
        customer: z.string().max(200).nullable(),
        site: z.string().max(200).nullable(),
        customerRatePlan: z.string().max(200).nullable(),
      })
      .strict(),
    fields: z.array(ImportField).min(1).max(64),
    rows: z.array(z.array(Value).min(1)).max(1_000_000),
    exportedAt: z.string(),
    exportedBy: z.string().max(200),
  })
  .strict();
type DraftFile = z.infer<typeof DraftFile>;

const nameOf = (db: Db, sql: string, id: unknown): string | null =>
  typeof id === 'number' ? ((db.prepare(sql).pluck().get(id) as string | undefined) ?? null) : null;

/** The draft as a JSON file another workstation can import. */
export function exportDraft(db: Db, content: DraftContent, exportedBy: string): FileDownload {
  const { params, tenantId } = content.setup;
  const file: DraftFile = {
    format: FORMAT,
    version: 1,
    title: content.title,
    sourceName: content.sourceName,
    setup: content.setup,
    names: {
      tenant: nameOf(db, 'SELECT name FROM tenants WHERE id = ?', tenantId),
      customer: nameOf(db, 'SELECT name FROM customers WHERE id = ?', params.customerId),
      site: nameOf(db, 'SELECT name FROM sites WHERE id = ?', params.siteId),
      customerRatePlan: nameOf(
        db,
        'SELECT code FROM customer_rate_plans WHERE id = ?',
        params.customerRatePlanId,
      ),
    },
    fields: content.fields,
    rows: content.rows,
    exportedAt: new Date().toISOString(),
    exportedBy,
  };
  const safeTitle =
    content.title
      .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'draft';
  return {
    fileName: `${safeTitle}.draft.json`,
    mimeType: 'application/json',
    base64: Buffer.from(JSON.stringify(file)).toString('base64'),
  };
}

/** Whether bytes are one of our draft files (checked before trying to read a spreadsheet). */
export const looksLikeDraftFile = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x7b && Buffer.from(bytes.subarray(0, 200)).toString('utf8').includes(FORMAT);

/**
 * Reads a draft file, matching its customer, site, plan and tenant to this workspace by name.
 * Whatever has no match here is dropped from the setup and named in the notes.
 */
export function importDraftFile(
  db: Db,
  name: string,
  bytes: Uint8Array,
): { content: DraftContent; notes: string[] } {
  let parsed: DraftFile;
  try {
    const result = DraftFile.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    if (!result.success) throw new Error(result.error.issues[0]?.message);
    parsed = result.data;
  } catch (error) {
    throw new CoreError(
      'invalid_request',
      `“${name}” looks like a draft file but can't be read (${(error as Error).message ?? 'damaged'}). Export it again from the workstation it came from.`,
    );
  }
  const catalog = new Catalog(db);
  const notes: string[] = [
    `Draft “${parsed.title}” exported by ${parsed.exportedBy} on ${parsed.exportedAt.slice(0, 10)}; check it against this workspace's inventory before submitting.`,
  ];
  const params = { ...parsed.setup.params };
  let tenantId: number | null = null;
  if (parsed.names.tenant) {
    tenantId = [...catalog.tenants].find(([, n]) => n === parsed.names.tenant)?.[0] ?? null;
    if (tenantId === null)
      notes.push(
        `Tenant ${parsed.names.tenant} doesn't exist here; choose whose devices these are.`,
      );
  }
  const rematch = (
    key: string,
    found: { ok: true; value: { id: number } } | { ok: false; message: string } | null,
  ) => {
    if (found?.ok) params[key] = found.value.id;
    else if (params[key] !== undefined && params[key] !== null) {
      params[key] = undefined;
      if (found) notes.push(found.message);
    }
  };
  const customer = parsed.names.customer ? catalog.customer(parsed.names.customer, tenantId) : null;
  rematch('customerId', customer);
  rematch(
    'siteId',
    customer?.ok && parsed.names.site ? catalog.site(parsed.names.site, customer.value) : null,
  );
  rematch(
    'customerRatePlanId',
    parsed.names.customerRatePlan
      ? catalog.customerPlan(parsed.names.customerRatePlan, tenantId)
      : null,
  );
  if (params.customerPoolId !== undefined && params.customerPoolId !== null) {
    params.customerPoolId = undefined;
    notes.push('The draft chose a pool; pools are matched by hand, so choose it again.');
  }
  const rows = parsed.rows.filter((r): r is DraftRow => typeof r[0] === 'number');
  return {
    content: {
      title: parsed.title,
      setup: { changeType: parsed.setup.changeType, params, tenantId },
      sourceName: parsed.sourceName,
      fields: parsed.fields,
      rows,
    },
    notes,
  };
}
