import { join } from 'node:path';
import { expect } from 'vitest';
import type { ChangeType } from '../../../shared/domain/changes';
import { loadDevices } from '../../../main/core/changes/devices';
import type {
  ChangeHandler,
  DeviceRecord,
  PlanResult,
  WorkItem,
} from '../../../main/core/changes/handler';
import { CoreError } from '../../../main/core/errors';
import { openStore, type Db } from '../../../main/core/store/open';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';

/** A fresh sandbox workspace in `dir`: one account per carrier, customers, plans, devices. */
export async function sandboxStore(dir: string, devices = 400): Promise<Db> {
  const db = openStore(join(dir, 'workspace.sqlite'));
  await seedSandbox(db, { devices });
  return db;
}

/** The first device matching a WHERE clause over `devices d JOIN carrier_accounts a`. */
export function findDevice(db: Db, where: string, ...args: unknown[]): DeviceRecord {
  const id = db
    .prepare(
      `SELECT d.id FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id
       WHERE ${where} ORDER BY d.id LIMIT 1`,
    )
    .pluck()
    .get(...args) as number | undefined;
  if (id === undefined) throw new Error(`no sandbox device where ${where}`);
  return reload(db, id);
}

export const reload = (db: Db, id: number): DeviceRecord => loadDevices(db, [id]).get(id)!;

/** The store's row for a device, to compare before and after an apply. */
export const deviceRow = (db: Db, id: number) =>
  db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as Record<string, unknown>;

/** Everything in the row except the fields a change is meant to touch (and updated_at). */
export function untouched(row: Record<string, unknown>, ...fields: string[]) {
  const skip = new Set(['updated_at', ...fields]);
  return Object.fromEntries(Object.entries(row).filter(([field]) => !skip.has(field)));
}

export const idOf = (db: Db, sql: string, ...args: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

/** Parses params, checks them and plans one device, the way the engine does. */
export function planFor<P>(
  db: Db,
  handler: ChangeHandler<P>,
  raw: unknown,
  device: DeviceRecord,
): PlanResult & { params: P } {
  const params = handler.params.parse(raw);
  handler.checkParams?.(db, params);
  return { ...handler.plan(db, params, device), params };
}

export function accepted(result: PlanResult) {
  if (!result.ok) throw new Error(`expected the device to be accepted, got: ${result.reason}`);
  return result;
}

export function refused(result: PlanResult): string {
  if (result.ok) throw new Error('expected the device to be refused');
  return result.reason;
}

/** The CoreError a call throws. */
export function refusal(call: () => unknown): CoreError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a CoreError');
}

/** Queues a device change for real (bulk change + device change rows) and hands it back as work. */
export function queued(
  db: Db,
  changeType: ChangeType,
  device: DeviceRecord,
  request: Record<string, unknown>,
): WorkItem {
  const bulkId = db
    .prepare(
      `INSERT INTO bulk_changes (change_type, status, title, request_json, created_by)
       VALUES (?, 'QUEUED', 'test', '{}', 'test')`,
    )
    .run(changeType).lastInsertRowid;
  const deviceChangeId = db
    .prepare(
      `INSERT INTO device_changes (bulk_change_id, device_id, iccid, imei, request_json, status)
       VALUES (?, ?, ?, ?, ?, 'PENDING')`,
    )
    .run(bulkId, device.id, device.iccid, device.imei, JSON.stringify(request)).lastInsertRowid;
  return { deviceChangeId: Number(deviceChangeId), device, request };
}

/** Plans, queues and applies one device in one go, inside a transaction like the engine's. */
export function planAndApply<P>(
  db: Db,
  handler: ChangeHandler<P>,
  raw: unknown,
  device: DeviceRecord,
): WorkItem {
  const { params, ...result } = planFor(db, handler, raw, device);
  const item = queued(db, handler.type, device, accepted(result).request);
  db.transaction(() => handler.applyLocal(db, params, item, undefined))();
  return item;
}
