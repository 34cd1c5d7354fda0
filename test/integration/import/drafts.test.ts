import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { firstProblem, importWorkspace } from './workspace';

const tempDir = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function workspace() {
  const ws = await importWorkspace(tempDir());
  closers.push(ws.close);
  return ws;
}

describe('drafts for offline preparation', () => {
  it('keeps rows, corrections and the change; is checked again against today’s inventory on reopening', async () => {
    const ws = await workspace();
    const [a, b, c] = ws.iccids("d.status = 'active' AND d.customer_id IS NOT NULL", 3);
    const acme = ws.db
      .prepare("SELECT id FROM customers WHERE name = 'Acme Logistics'")
      .pluck()
      .get() as number;
    const sheet = await ws.openCsv(
      `ICCID;Customer;Site\n${a};Acme Logistics;Dallas Depot\n${b};acme logistics;Memphis hub\n${c}0;Acme Logistics;Nowhere\n`,
      'acme-moves.csv',
    );
    expect(sheet.delimiter).toBe(';');
    const setup = { changeType: 'customerAssignment' as const, params: {}, tenantId: null };
    const first = await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup,
    });
    expect(first).toMatchObject({ ok: 2, errors: 1 });
    expect(firstProblem(await ws.allRows(sheet.importId), 4)).toMatchObject({
      column: 'ICCID',
      value: `${c}0`,
    });

    // The desk corrects the mistyped ICCID in place; the site is still wrong.
    await ws.call('import:editRow', {
      importId: sheet.importId,
      row: 4,
      field: 'iccid',
      value: c!,
    });
    await ws.call('import:check', { importId: sheet.importId, mapping: sheet.mapping, setup });
    expect(firstProblem(await ws.allRows(sheet.importId), 4)).toMatchObject({
      column: 'Site',
      value: 'Nowhere',
      message: 'Acme Logistics has no site "Nowhere". Its sites: Dallas Depot, Memphis Hub.',
    });
    const saved = await ws.call('import:saveDraft', {
      importId: sheet.importId,
      title: 'Acme moves',
    });
    expect(saved).toMatchObject({
      title: 'Acme moves',
      changeType: 'customerAssignment',
      rows: 3,
      status: 'open',
      sourceName: 'acme-moves.csv',
    });
    await ws.call('import:close', { importId: sheet.importId });

    // Meanwhile a colleague moves device b: the draft's check must see today's state.
    ws.db.prepare('UPDATE devices SET customer_id = ? WHERE iccid = ?').run(acme, b);
    const reopened = await ws.call('drafts:open', { draftId: saved.id });
    expect(reopened).toMatchObject({
      format: 'draft',
      draftId: saved.id,
      title: 'Acme moves',
      setup,
      mappingSource: 'draft',
    });
    expect(reopened.columns.map((col) => col.header)).toEqual(['ICCID', 'Customer', 'Site']);
    const check = await ws.call('import:check', {
      importId: reopened.importId,
      mapping: reopened.mapping,
      setup,
    });
    expect(check.errors).toBe(1);
    const rows = await ws.allRows(reopened.importId);
    expect(rows.find((r) => r.row === 4)?.iccid).toBe(c);
    expect(rows.find((r) => r.row === 3)?.changes.map((ch) => ch.field)).not.toContain('customer');

    const submitted = await ws.call('import:submit', {
      importId: reopened.importId,
      skipErrors: true,
    });
    expect(submitted).toMatchObject({ devices: 2, skipped: 1 });
    expect(await ws.call('drafts:list', {})).toEqual([
      expect.objectContaining({
        id: saved.id,
        status: 'submitted',
        bulkChangeIds: submitted.bulkChangeIds,
      }),
    ]);
  });

  it('travels to another workstation as a file, matching customers by name there', async () => {
    const here = await workspace();
    const [a] = here.iccids("d.status = 'active'", 1);
    const sheet = await here.openCsv(`ICCID\n${a}\n`);
    const granite = here.db
      .prepare("SELECT id FROM customers WHERE name = 'Granite Vending Co'")
      .pluck()
      .get() as number;
    const route = here.db
      .prepare("SELECT id FROM sites WHERE name = 'Route 12'")
      .pluck()
      .get() as number;
    const setup = {
      changeType: 'customerAssignment' as const,
      params: { customerId: granite, siteId: route },
      tenantId: null,
    };
    await here.call('import:check', { importId: sheet.importId, mapping: sheet.mapping, setup });
    const draft = await here.call('import:saveDraft', {
      importId: sheet.importId,
      title: 'Granite / Route 12',
    });
    const file = await here.call('drafts:export', { draftId: draft.id });
    expect(file).toMatchObject({
      fileName: 'Granite Route 12.draft.json',
      mimeType: 'application/json',
    });

    // The other workstation made its catalog in another order: same names, other ids.
    const there = await workspace();
    there.db
      .prepare(
        "INSERT INTO customers (tenant_id, name, kind) VALUES (1, 'Zeta Farms', 'non_revenue')",
      )
      .run();
    const opened = await there.openBytes(Buffer.from(file.base64, 'base64'), file.fileName);
    expect(opened).toMatchObject({ format: 'draft', draftId: null, title: 'Granite / Route 12' });
    expect(opened.notes[0]).toMatch(
      /^Draft “Granite \/ Route 12” exported by desk on \d{4}-\d{2}-\d{2}/,
    );
    const thereGranite = there.db
      .prepare("SELECT id FROM customers WHERE name = 'Granite Vending Co'")
      .pluck()
      .get();
    expect(opened.setup?.params).toMatchObject({ customerId: thereGranite });
    const check = await there.call('import:check', {
      importId: opened.importId,
      mapping: opened.mapping,
      setup: opened.setup!,
    });
    // Checked against this workstation's own inventory and catalog.
    expect(check).toMatchObject({
      total: 1,
      ok: 1,
      groups: [{ label: 'Customer assignment: Granite Vending Co, site Route 12', devices: 1 }],
    });
    const kept = await there.call('import:saveDraft', {
      importId: opened.importId,
      title: 'From HQ',
    });
    expect(kept.rows).toBe(1);
  });

  it('refuses a damaged draft file with a message that says what to do', async () => {
    const ws = await workspace();
    const text = '{"format":"carrier-ops-console.draft","version":1,"title":"x"}';
    await expect(ws.openBytes(Buffer.from(text), 'x.draft.json')).rejects.toThrow(
      /^“x\.draft\.json” looks like a draft file but can't be read \(.+\)\. Export it again from the workstation it came from\.$/,
    );
  });

  it('deletes a draft', async () => {
    const ws = await workspace();
    const [a] = ws.iccids("d.status = 'active'", 1);
    const sheet = await ws.openCsv(`ICCID\n${a}\n`);
    await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'suspend' } },
    });
    const draft = await ws.call('import:saveDraft', { importId: sheet.importId, title: 'Tmp' });
    expect(await ws.call('drafts:delete', { draftId: draft.id })).toEqual({ deleted: true });
    expect(await ws.call('drafts:list', {})).toEqual([]);
    await expect(ws.call('drafts:open', { draftId: draft.id })).rejects.toThrow(
      /There is no draft/,
    );
  });
});
