import { afterEach, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../shared/identifiers';
import { useTempDir } from '../../support/tempDir';
import { firstProblem, importWorkspace } from './workspace';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const withCheckDigit = (body: string) => `${body}${luhnCheckDigit(body)}`;
const spaced = (iccid: string) => iccid.replace(/(\d{4})(?=\d)/g, '$1 ');

describe('a customer’s messy status file', () => {
  it('finds the header under title rows, maps the columns and explains every bad row', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const active = ws.iccids("d.status = 'active' AND a.carrier = 'thingspace'", 6);
    const [inventory] = ws.iccids("d.status = 'inventory' AND a.carrier = 'thingspace'");
    const [suspended] = ws.iccids("d.status = 'suspended' AND a.carrier = 'thingspace'");
    const byImei = ws.device(active[2]!).imei as string;
    const held = active[4]!;
    const pending = await ws.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices: [held],
    });
    const badDigit = `${active[3]!.slice(0, -1)}${(Number(active[3]!.slice(-1)) + 1) % 10}`;
    const unknown = withCheckDigit('890141099999999999');
    const csv = [
      'Acme Logistics - SIMs to suspend,,,',
      'Requested by J. Smith on 2026-11-20,,,',
      ',,,',
      'Sim Number,Device IMEI,New Status,Notes',
      `${active[0]},,Suspend,first`,
      `${spaced(active[1]!)},,suspended,spaces in the id`,
      `${badDigit},,Suspend,typo`,
      `${unknown},,Suspend,not ours`,
      `${active[0]},,Suspend,listed twice`,
      '8.9014E+18,,Suspend,Excel damage',
      `${inventory},,Suspend,never activated`,
      `,${byImei},Suspend,by IMEI`,
      `,${byImei.slice(1)},Suspend,IMEI lost a digit`,
      `${active[5]},,Frobnicate,bad word`,
      `${suspended},,Active,back on`,
      `${held},,Suspend,already queued`,
    ].join('\r\n');

    const sheet = await ws.openCsv(csv, 'acme-suspend.csv');
    expect(sheet).toMatchObject({
      format: 'csv',
      headerRow: 4,
      dataRows: 12,
      mappingSource: 'detected',
    });
    expect(sheet.mapping).toEqual([
      { column: 0, field: 'iccid' },
      { column: 1, field: 'imei' },
      { column: 2, field: 'targetStatus' },
    ]);
    expect(sheet.notes.join(' ')).toContain('Skipped 3 rows above the header');

    const check = await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: {} },
    });
    expect(check).toMatchObject({ total: 12, ok: 4, warnings: 0, errors: 8 });
    expect(check.groups.map((g) => [g.label, g.devices])).toEqual([
      ['Status update: suspend', 3],
      ['Status update: restore', 1],
    ]);
    expect(check.lanes).toEqual([
      expect.objectContaining({ carrier: 'thingspace', devices: 4, calls: expect.any(Number) }),
    ]);
    const rows = await ws.allRows(sheet.importId);
    expect(rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(rows[0]).toMatchObject({
      severity: 'ok',
      iccid: active[0],
      carrier: 'thingspace',
      changes: [{ field: 'status', from: 'active', to: 'suspended' }],
      call: 'Verizon ThingSpace POST /m2m/v1/devices/actions/suspend',
    });
    expect(rows[1]).toMatchObject({ severity: 'ok', iccid: active[1] });
    expect(firstProblem(rows, 7)).toMatchObject({
      severity: 'error',
      column: 'Sim Number',
      value: badDigit,
      message: expect.stringMatching(/check digit/i),
    });
    expect(firstProblem(rows, 8).message).toBe(
      `No device in the inventory has ICCID ${unknown}. Check the number against the customer's list; if the device is new, sync its carrier account first.`,
    );
    expect(firstProblem(rows, 9).message).toMatch(/^Same device as row 5 /);
    expect(firstProblem(rows, 10)).toMatchObject({
      column: 'Sim Number',
      value: '8.9014E+18',
      message: expect.stringContaining('turned into a number by Excel'),
    });
    expect(firstProblem(rows, 11).message).toContain(
      'is inventory; only a device that is active can be suspended',
    );
    expect(rows.find((r) => r.row === 12)).toMatchObject({ severity: 'ok', identifier: byImei });
    expect(firstProblem(rows, 13)).toMatchObject({
      column: 'Device IMEI',
      message: expect.stringMatching(/leading zero/i),
    });
    expect(firstProblem(rows, 14)).toMatchObject({
      column: 'New Status',
      value: 'Frobnicate',
      message: expect.stringContaining('is not a status change'),
    });
    expect(rows.find((r) => r.row === 15)).toMatchObject({
      severity: 'ok',
      changes: [{ field: 'status', from: 'suspended', to: 'active' }],
    });
    expect(firstProblem(rows, 16).message).toContain(
      `is already in bulk change #${pending.bulkChangeId}`,
    );
    const errorsOnly = await ws.call('import:rows', { importId: sheet.importId, show: 'errors' });
    expect(errorsOnly.rows.map((r) => r.row)).toEqual([7, 8, 9, 10, 11, 13, 14, 16]);

    await expect(ws.call('import:submit', { importId: sheet.importId })).rejects.toThrow(
      /^8 rows have errors, so nothing was submitted\. Row 7: /,
    );
    const submitted = await ws.call('import:submit', {
      importId: sheet.importId,
      skipErrors: true,
      title: 'Acme suspensions',
    });
    expect(submitted).toMatchObject({ devices: 4, skipped: 8 });
    expect(submitted.bulkChangeIds).toHaveLength(2);
    for (const id of submitted.bulkChangeIds) await ws.untilFinal(id);
    expect(ws.device(active[0]!).status).toBe('suspended');
    expect(ws.device(active[2]!).status).toBe('suspended');
    expect(ws.device(suspended!).status).toBe('active');
    expect(ws.device(inventory!).status).toBe('inventory');
    const titles = (await ws.call('bulk:list', {})).map((b) => b.title);
    expect(titles).toContain('Acme suspensions (Status update: suspend)');
  });

  it('refuses devices of another tenant and remembers a corrected mapping for the next file', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [ours, theirs] = ws.iccids("d.status = 'active' AND d.customer_id IS NOT NULL", 2);
    const tenant = Number(
      ws.db.prepare("INSERT INTO tenants (name) VALUES ('Southwind Telematics')").run()
        .lastInsertRowid,
    );
    const customer = Number(
      ws.db
        .prepare(
          "INSERT INTO customers (tenant_id, name, kind) VALUES (?, 'Harbor Freight Lines', 'non_revenue')",
        )
        .run(tenant).lastInsertRowid,
    );
    ws.db
      .prepare('UPDATE devices SET customer_id = ?, site_id = NULL WHERE iccid = ?')
      .run(customer, theirs);
    const northwind = ws.db
      .prepare("SELECT id FROM tenants WHERE name = 'Northwind IoT Services'")
      .pluck()
      .get() as number;

    const csv = `Line,Asset,Comment\n${ours},A-1,\n${theirs},A-2,\n`;
    const sheet = await ws.openCsv(csv);
    // "Line" reads as an MSISDN header, but the values are ICCIDs: the desk corrects it.
    expect(sheet.mapping).toEqual([{ column: 0, field: 'msisdn' }]);
    const mapping = [{ column: 0, field: 'iccid' as const }];
    const check = await ws.call('import:check', {
      importId: sheet.importId,
      mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'suspend' }, tenantId: northwind },
    });
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    const rows = await ws.allRows(sheet.importId);
    expect(firstProblem(rows, 3).message).toBe(
      `ICCID ${theirs} belongs to tenant Southwind Telematics, not Northwind IoT Services whose file this is. Remove the row, or check which customer sent it.`,
    );

    const again = await ws.openCsv(
      csv.replace(ours!, ours!.slice(0, -1) + ours!.slice(-1)),
      'next-week.csv',
    );
    expect(again).toMatchObject({ mappingSource: 'remembered', mapping });
  });
});
