import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceFacets, listDevices } from '../../../main/core/devices/query';
import { openStore, type Db } from '../../../main/core/store/open';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir('file');
let db: Db;
const page = (query: Parameters<typeof listDevices>[1] extends infer Q ? Partial<Q> : never) =>
  listDevices(db, { offset: 0, limit: 100, ...query });

beforeAll(async () => {
  db = openStore(join(tempDir(), 'workspace.sqlite'));
  await seedSandbox(db, { devices: 5000 });
  return () => db.close();
});

describe('paging the inventory', () => {
  it('returns the total and one page at a time, in a stable order', () => {
    const first = page({});
    const second = page({ offset: 100 });
    expect(first.total).toBe(5000);
    expect(first.rows).toHaveLength(100);
    expect(second.rows[0]!.id).toBeGreaterThan(first.rows[99]!.id);
    expect(first.rows[0]).toMatchObject({
      iccid: expect.stringMatching(/^89\d{18}$/),
      carrier: expect.any(String),
      accountName: expect.stringContaining('(sandbox)'),
    });
  });

  it('filters by carrier and status, matching the facet counts', () => {
    const facets = deviceFacets(db);
    expect(facets.total).toBe(5000);
    const jasper = page({ carriers: ['jasper'] });
    expect(jasper.total).toBe(facets.byCarrier.jasper);
    expect(jasper.rows.every((r) => r.carrier === 'jasper')).toBe(true);
    const suspendedOrInventory = page({ statuses: ['suspended', 'inventory'] });
    expect(suspendedOrInventory.total).toBe(facets.byStatus.suspended + facets.byStatus.inventory);
  });

  it('finds a device by its whole ICCID, with the spaces a spreadsheet adds', () => {
    const target = page({ offset: 1234, limit: 1 }).rows[0]!;
    const spaced = target.iccid.replace(/(\d{4})/g, '$1 ');
    expect(page({ search: spaced }).rows.map((r) => r.id)).toEqual([target.id]);
  });

  it('finds devices by the first digits of an IMEI or MSISDN', () => {
    const target = page({ statuses: ['active'], limit: 1 }).rows[0]!;
    expect(page({ search: target.imei!.slice(0, 12) }).rows.some((r) => r.id === target.id)).toBe(
      true,
    );
    expect(page({ search: `+${target.msisdn!}` }).rows.map((r) => r.id)).toContain(target.id);
  });

  it('answers an unknown id with an empty page, not an error', () => {
    expect(page({ search: '8999999999' })).toEqual({ total: 0, rows: [] });
  });

  it('uses an index for a filtered page rather than scanning or sorting the table', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    const byStatus = plan(
      'SELECT * FROM devices d WHERE d.status IN (?) ORDER BY d.id LIMIT 100',
      'active',
    );
    expect(byStatus).toMatch(/USING (COVERING )?INDEX devices_status/);
    expect(byStatus).not.toMatch(/TEMP B-TREE/);
    const search = plan(
      'SELECT * FROM devices d WHERE (d.iccid >= ? AND d.iccid < ?) OR (d.imei >= ? AND d.imei < ?)',
      '89',
      '89~',
      '35',
      '35~',
    );
    expect(search).toMatch(/MULTI-INDEX OR/);
  });
});
