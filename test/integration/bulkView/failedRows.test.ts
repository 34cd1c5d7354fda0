import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ChangeType } from '../../../shared/domain/changes';
import { luhnCheckDigit } from '../../../shared/identifiers';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from './deskWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

const withCheckDigit = (body: string) => `${body}${luhnCheckDigit(body)}`;

/** A day on this computer's calendar, `offset` days from today, as the desk types it. */
const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Changes made in our store only have no carrier to refuse them; a draft's rows are marked
 * failed in the database, as an apply refused after a change of hands would leave them.
 */
function failRows(desk: DeskWorkspace, bulkChangeId: number) {
  const writer = new Database(desk.db.name);
  writer
    .prepare(
      "UPDATE device_changes SET status = 'FAILED', error_message = 'The customer changed hands before this applied.' WHERE bulk_change_id = ?",
    )
    .run(bulkChangeId);
  writer.close();
}

/** The first sheet of a downloaded workbook as rows of text. */
function sheetRows(base64: string): string[][] {
  const book = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
}

/** Opens a download in Import as a dropped file and checks it for the change type, form left empty. */
async function reimport(
  desk: DeskWorkspace,
  file: { fileName: string; base64: string },
  changeType: ChangeType,
) {
  const sheet = await desk.call('import:open', {
    source: { kind: 'upload', name: file.fileName, base64: file.base64 },
  });
  const check = await desk.call('import:check', {
    importId: sheet.importId,
    mapping: sheet.mapping,
    setup: { changeType, params: {} },
  });
  const { rows } = await desk.call('import:rows', { importId: sheet.importId, limit: 500 });
  return { sheet, check, rows };
}

describe('downloading failed rows', () => {
  it('gives the failed rows in the template’s layout with the reason, and Import reads them straight back', async () => {
    ws = await deskWorkspace(tempDir());
    const cisco = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 2);
    const pond = ws.iccids("a.carrier = 'pond' AND d.status = 'active'", 2);
    ws.sim('jasper').setFaults({
      deviceFailures: { [cisco[0]!]: 'SIM is locked by the customer' },
    });
    ws.sim('pond').setFaults({ deviceFailures: { [pond[1]!]: 'Line under fraud hold' } });
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, [...cisco, ...pond]);
    const failed = [cisco[0]!, pond[1]!];

    const xlsx = await ws.call('bulk:failedRows', { bulkChangeId: id, format: 'xlsx' });
    expect(xlsx).toMatchObject({
      fileName: `bulk-${id}-failed-rows.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const rows = sheetRows(xlsx.base64);
    expect(rows[0]).toEqual(['ICCID', 'Target status', 'Carrier rate plan', 'Reason']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [failed[0], 'Suspend'],
      [failed[1], 'Suspend'],
    ]);
    expect(rows[1]![3]).toContain('SIM is locked by the customer');
    expect(rows[2]![3]).toContain('Line under fraud hold');
    const book = XLSX.read(Buffer.from(xlsx.base64, 'base64'), { type: 'buffer' });
    expect(
      XLSX.utils.sheet_to_csv(book.Sheets['How to use this file']!).split('\n').slice(0, 2),
    ).toEqual([
      `"The 2 failed rows of bulk change #${id} ""Status update of 4 devices""."`,
      'The change was: Status update: suspend.',
    ]);

    const csv = await ws.call('bulk:failedRows', { bulkChangeId: id, format: 'csv' });
    expect(csv).toMatchObject({ fileName: `bulk-${id}-failed-rows.csv`, mimeType: 'text/csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF"ICCID","Target status","Carrier rate plan","Reason"\r\n')).toBe(
      true,
    );
    expect(text).toContain(`"${failed[0]}","Suspend","",`);

    for (const file of [xlsx, csv]) {
      const back = await reimport(ws, file, 'statusUpdate');
      expect(back.sheet.mapping, file.fileName).toEqual([
        { column: 0, field: 'iccid' },
        { column: 1, field: 'targetStatus' },
        { column: 2, field: 'carrierRatePlan' },
      ]);
      expect(back.sheet.columns.map((c) => c.header)).toEqual([
        'ICCID',
        'Target status',
        'Carrier rate plan',
        'Reason',
      ]);
      expect(back.check).toMatchObject({ total: 2, ok: 2, errors: 0 });
      expect(back.check.groups.map((g) => [g.label, g.devices])).toEqual([
        ['Status update: suspend', 2],
      ]);
      expect(back.rows.map((r) => r.iccid)).toEqual(failed);
    }
  });

  it.each([
    ['customerAssignment', ['ICCID', 'Customer', 'Site', 'Customer rate plan']],
    ['customerRatePlanChange', ['ICCID', 'Customer rate plan', 'Effective date']],
  ] as const)(
    'writes a %s’s customer, site, plan and date by the names Import resolves again',
    async (changeType, headers) => {
      ws = await deskWorkspace(tempDir());
      const plan = ws.db
        .prepare('SELECT id FROM customer_rate_plans ORDER BY id DESC LIMIT 1')
        .pluck()
        .get() as number;
      const site = ws.db
        .prepare(
          "SELECT s.id, s.customer_id AS customerId FROM sites s JOIN customers c ON c.id = s.customer_id WHERE c.kind = 'non_revenue' ORDER BY s.id LIMIT 1",
        )
        .get() as { id: number; customerId: number };
      const devices = ws.iccids(
        'd.customer_id IS NOT NULL AND d.customer_id <> ? AND d.customer_rate_plan_id IS NOT ?',
        2,
        site.customerId,
        plan,
      );
      const params =
        changeType === 'customerAssignment'
          ? { customerId: site.customerId, siteId: site.id, customerRatePlanId: plan }
          : { customerRatePlanId: plan, effectiveDate: day(5) };
      const { bulkChangeId: id } = await ws.call('bulk:create', { changeType, params, devices });
      failRows(ws, id);
      const { description } = await ws.call('bulk:detail', { bulkChangeId: id });

      const file = await ws.call('bulk:failedRows', { bulkChangeId: id, format: 'csv' });
      const rows = Buffer.from(file.base64, 'base64').toString('utf8').slice(1).split('\r\n');
      expect(rows[0]).toBe([...headers, 'Reason'].map((h) => `"${h}"`).join(','));
      const back = await reimport(ws, file, changeType);
      expect(back.sheet.mapping).toHaveLength(headers.length);
      expect(back.check).toMatchObject({ total: 2, ok: 2 });
      expect(back.check.groups.map((g) => [g.label, g.devices])).toEqual([[description, 2]]);
      expect(back.rows.map((r) => r.iccid)).toEqual(devices);
    },
  );

  it('keeps each row’s own new ICCID for a swap, and says so when nothing failed', async () => {
    ws = await deskWorkspace(tempDir());
    const lines = ws.iccids(
      "a.carrier = 'telegence' AND d.status = 'active' AND d.msisdn IS NOT NULL",
      2,
    );
    const swaps = lines.map((iccid, i) => ({
      iccid,
      newIccid: withCheckDigit(`890141099999990000${i}`),
    }));
    ws.sim('telegence').setFaults({ deviceFailures: { [lines[1]!]: 'New SIM is not in stock' } });
    const { id, final } = await ws.run('identifierChange', { swaps }, lines);
    expect(final.counts).toMatchObject({ SUCCEEDED: 1, FAILED: 1 });

    const file = await ws.call('bulk:failedRows', { bulkChangeId: id, format: 'xlsx' });
    const rows = sheetRows(file.base64);
    expect(rows[0]).toEqual(['ICCID', 'New ICCID', 'New IMEI', 'Reason']);
    expect(rows[1]!.slice(0, 2)).toEqual([lines[1], swaps[1]!.newIccid]);
    expect(rows[1]![3]).toContain('New SIM is not in stock');
    const back = await reimport(ws, file, 'identifierChange');
    expect(back.sheet.mapping.map((m) => m.field)).toEqual(['iccid', 'newIccid', 'newImei']);
    expect(back.check).toMatchObject({ total: 1, ok: 1 });
    expect(back.rows[0]).toMatchObject({
      iccid: lines[1],
      changes: [{ field: 'iccid', from: lines[1], to: swaps[1]!.newIccid }],
    });

    const clean = await ws.run(
      'statusUpdate',
      { action: 'suspend' },
      ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 1),
    );
    expect(
      await refusal(ws.call('bulk:failedRows', { bulkChangeId: clean.id, format: 'csv' })),
    ).toEqual({
      code: 'conflict',
      message: `Bulk change ${clean.id} has no failed rows to download.`,
    });
  });
});
