import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { firstProblem, importWorkspace } from './workspace';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const inDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('rows the carrier or the catalogs would refuse', () => {
  it('names what each carrier needs or cannot do, before anything is sent', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [pond] = ws.iccids("a.carrier = 'pond' AND d.status = 'active'", 1);
    const [thingspace] = ws.iccids("a.carrier = 'thingspace' AND d.status = 'inventory'", 1);
    const [telegence] = ws.iccids("a.carrier = 'telegence' AND d.status = 'inventory'", 1);
    const sheet = await ws.openCsv(
      `ICCID,Status,Rate Plan\n${pond},Deactivate,\n${thingspace},Activate,M2MDATA25MB\n${telegence},Activate,\n`,
    );
    await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: {} },
    });
    const rows = await ws.allRows(sheet.importId);
    expect(firstProblem(rows, 2)).toMatchObject({
      column: 'ICCID',
      message: `POND IoT can't deactivate a line through its API (ICCID ${pond}). Do it in the carrier's portal, or leave the row out.`,
    });
    expect(firstProblem(rows, 3).message).toBe(
      `Verizon ThingSpace needs the ZIP code the new number is drawn from to activate ICCID ${thingspace}. Give it on the form.`,
    );
    expect(firstProblem(rows, 4).message).toBe(
      `AT&T Telegence needs a carrier rate plan to activate ICCID ${telegence}. Give it on the form or in a rate plan column.`,
    );
  });

  it('refuses customers that do not exist, listing the ones that do', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [device] = ws.iccids("d.status = 'active'", 1);
    const sheet = await ws.openCsv(`ICCID,Customer\n${device},Acme Logistix\n`);
    await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'customerAssignment', params: {} },
    });
    expect(firstProblem(await ws.allRows(sheet.importId), 2)).toMatchObject({
      column: 'Customer',
      value: 'Acme Logistix',
      message: expect.stringMatching(
        /^There is no customer "Acme Logistix"\. Customers: Acme Logistics, .*Fix the name, or add the customer first\.$/,
      ),
    });
  });

  it('refuses devices already scheduled for a change on a later date', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [device] = ws.iccids(
      "d.customer_id IS NOT NULL AND d.customer_rate_plan_id IS NOT (SELECT id FROM customer_rate_plans WHERE code = 'PLUS-1G')",
      1,
    );
    const plus = ws.db
      .prepare("SELECT id FROM customer_rate_plans WHERE code = 'PLUS-1G'")
      .pluck()
      .get() as number;
    const scheduled = await ws.call('bulk:create', {
      changeType: 'customerRatePlanChange',
      params: { customerRatePlanId: plus, effectiveDate: inDays(10) },
      devices: [device!],
      submit: true,
    });
    const sheet = await ws.openCsv(`ICCID\n${device}\n`);
    await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'suspend' } },
    });
    expect(firstProblem(await ws.allRows(sheet.importId), 2).message).toContain(
      `is already in bulk change #${scheduled.bulkChangeId}`,
    );
    expect(firstProblem(await ws.allRows(sheet.importId), 2).message).toContain(
      `(scheduled for ${inDays(10)})`,
    );
  });
});
