import type {
  ChangeSetup,
  ImportCheck,
  ImportField,
  RowProblem,
  RowResult,
} from '../../../shared/contract/imports';
import type { Carrier } from '../../../shared/domain/carriers';
import type { ChangeType } from '../../../shared/domain/changes';
import type { CarrierOperation } from '../carriers/types';
import type { ChangeHandler, DeviceRecord } from '../changes/handler';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { Catalog } from './catalog';
import { carrierRefusal } from './carrierRules';
import { effectiveDateProblem } from './dates';
import { callLabel, estimateLanes } from './estimate';
import { groupKey, groupLabel } from './groups';
import { identifyAll, type Identified } from './identify';
import { openChangeMessage, openChangesByDevice } from './openChanges';
import { paramsProblem } from './paramsProblem';
import { rowParams, type RowValues } from './rowParams';
import { summarize } from './summary';

/** One row to check: its spreadsheet row number and its mapped values. */
export interface RowInput {
  row: number;
  values: RowValues;
}

/** A checked row, with what submit needs to queue it. */
export interface CheckedRow extends RowResult {
  /** The device, kept only for rows that can be submitted. */
  device: DeviceRecord | null;
  /** The per-device request the plan made, queued as is on submit. */
  request: Record<string, unknown> | null;
  groupKey: string | null;
}

export interface CheckInput {
  db: Db;
  handlers: Record<ChangeType, ChangeHandler<never>>;
  setup: ChangeSetup;
  rows: RowInput[];
  /** The column header a field came from, to name it in problems. */
  columnOf: (field: ImportField) => string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckOutcome {
  rows: CheckedRow[];
  summary: Omit<ImportCheck, 'importId'>;
  groups: { key: string; params: Record<string, unknown> }[];
}

/** Rows checked between yields, so other calls and progress events get through. */
const CHUNK = 2000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks every row against the inventory, the catalogs, open changes and the change's own rules. */
export async function checkRows(input: CheckInput): Promise<CheckOutcome> {
  const { db, setup, rows } = input;
  const handler = input.handlers[setup.changeType] as ChangeHandler;
  const catalog = new Catalog(db);
  const open = openChangesByDevice(db);
  const firstRowOf = new Map<number, number>();
  const newIdRows = new Map<string, number>();
  /** Per distinct set of values: the parsed parameters, or why the change refuses them. */
  const paramChecks = new Map<string, { parsed: unknown } | { refused: string }>();
  const groups = new Map<
    string,
    { key: string; params: Record<string, unknown>; devices: number }
  >();
  const lanes = new Map<number, { devices: number; operation: CarrierOperation }>();
  const checked: CheckedRow[] = [];

  const checkOnce = (key: string, params: Record<string, unknown>) => {
    let verdict = paramChecks.get(key);
    if (!verdict) {
      const parsed = handler.params.safeParse(params);
      verdict = parsed.success
        ? { parsed: parsed.data }
        : { refused: paramsProblem(setup.changeType, parsed.error.issues) };
      if (parsed.success && handler.checkParams)
        try {
          handler.checkParams(db, parsed.data);
        } catch (error) {
          if (!(error instanceof CoreError)) throw error;
          verdict = { refused: error.message };
        }
      paramChecks.set(key, verdict);
    }
    return verdict;
  };

  function checkRow({ row, values }: RowInput, found: Identified): CheckedRow {
    const problems: RowProblem[] = [];
    const result: CheckedRow = {
      row,
      identifier: '',
      iccid: null,
      carrier: null,
      accountName: null,
      severity: 'error',
      problems,
      changes: [],
      call: null,
      group: null,
      device: null,
      request: null,
      groupKey: null,
    };
    const error = (field: ImportField | null, value: string, message: string) => {
      problems.push({
        severity: 'error',
        column: field ? input.columnOf(field) : null,
        field,
        value,
        message,
      });
      return result;
    };
    result.identifier = found.shown;
    if (!found.ok) return error(found.field, found.shown, found.message);
    const device = found.device;
    Object.assign(result, { iccid: device.iccid, carrier: device.carrier as Carrier });
    const earlier = firstRowOf.get(device.id);
    if (earlier !== undefined)
      return error(
        found.field,
        found.shown,
        `Same device as row ${earlier} (ICCID ${device.iccid}); each device can be in the file once. Delete one of the two rows.`,
      );
    firstRowOf.set(device.id, row);
    if (setup.tenantId !== null && device.tenantId !== null && device.tenantId !== setup.tenantId)
      return error(
        found.field,
        found.shown,
        `ICCID ${device.iccid} belongs to tenant ${catalog.tenants.get(device.tenantId) ?? device.tenantId}, not ${catalog.tenants.get(setup.tenantId) ?? setup.tenantId} whose file this is. Remove the row, or check which customer sent it.`,
      );
    const held = open.get(device.id);
    if (held) return error(found.field, found.shown, openChangeMessage(device.iccid, held));

    const built = rowParams(
      setup.changeType,
      setup.params,
      values,
      device,
      catalog,
      setup.tenantId,
    );
    if (!built.ok) return error(built.problem.field, built.problem.value, built.problem.message);
    const params = built.params;
    for (const field of ['newIccid', 'newImei'] as const) {
      const value = values[field];
      if (value === undefined || value === null || value === '') continue;
      const key = `${field}:${String(value).replace(/\D/g, '')}`;
      const first = newIdRows.get(key);
      if (first !== undefined)
        return error(
          field,
          String(value),
          `Row ${first} already swaps a device to this ${field === 'newIccid' ? 'ICCID' : 'IMEI'}; each new identifier can go to one device only.`,
        );
      newIdRows.set(key, row);
    }
    if (typeof params.effectiveDate === 'string') {
      const late = effectiveDateProblem(params.effectiveDate);
      if (late)
        return error(
          values.effectiveDate !== undefined ? 'effectiveDate' : null,
          params.effectiveDate,
          late,
        );
    }
    const key = groupKey(params);
    // A swap is each row's own; other values are shared, so are checked once per distinct set.
    const verdict = checkOnce(params.swaps ? `${key}${JSON.stringify(params.swaps)}` : key, params);
    if ('refused' in verdict) return error(found.field, found.shown, verdict.refused);
    const plan = handler.plan(db, verdict.parsed, device);
    if (!plan.ok) return error(found.field, found.shown, plan.reason);
    const carrierSays = carrierRefusal(setup.changeType, params, device);
    if (carrierSays) return error(found.field, found.shown, carrierSays);

    if (setup.tenantId !== null && device.tenantId === null)
      problems.push({
        severity: 'warning',
        column: null,
        field: null,
        value: found.shown,
        message: `ICCID ${device.iccid} has no customer yet, so it can't be confirmed as ${catalog.tenants.get(setup.tenantId) ?? 'this tenant'}'s device.`,
      });
    if (typeof values[found.field] === 'number' && found.field !== 'iccid')
      problems.push({
        severity: 'warning',
        column: input.columnOf(found.field),
        field: found.field,
        value: found.shown,
        message:
          'Excel stored this id as a number. It reads correctly here, but format the column as Text before the next export so no digits are lost.',
      });
    const operation = handler.operation?.(params as never) as CarrierOperation | undefined;
    const groupId = setup.changeType === 'identifierChange' ? 'swaps' : key;
    const group = groups.get(groupId);
    if (!group) groups.set(groupId, { key: groupId, params, devices: 1 });
    else {
      group.devices++;
      // One swap list for the whole file: the handler checks it as one.
      if (setup.changeType === 'identifierChange')
        (group.params.swaps as unknown[]).push(...(params.swaps as unknown[]));
    }
    if (handler.target === 'carrier' && operation) {
      const lane = lanes.get(device.accountId) ?? { devices: 0, operation };
      lane.devices++;
      lanes.set(device.accountId, lane);
    }
    Object.assign(result, {
      severity: problems.length > 0 ? 'warning' : 'ok',
      accountName: catalog.accountName(device.accountId),
      changes: plan.changes,
      call:
        handler.target === 'carrier'
          ? callLabel(device.carrier, operation)
          : 'Local store only (no carrier call)',
      device,
      request: plan.request,
      groupKey: groupId,
    });
    return result;
  }

  for (let i = 0; i < rows.length; i += CHUNK) {
    if (input.signal?.aborted)
      throw new CoreError('cancelled', 'The check was cancelled; nothing was changed.');
    const chunk = rows.slice(i, i + CHUNK);
    const identified = identifyAll(
      db,
      chunk.map((r) => r.values),
    );
    chunk.forEach((row, n) => checked.push(checkRow(row, identified[n]!)));
    input.onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
    await yieldToLoop();
  }
  const groupList = [...groups.values()];
  const index = new Map(groupList.map((g, i) => [g.key, i]));
  for (const row of checked)
    row.group = row.groupKey === null ? null : (index.get(row.groupKey) ?? null);
  return {
    rows: checked,
    groups: groupList,
    summary: {
      ...summarize(checked),
      groups: groupList.map((g) => ({
        label: groupLabel(setup.changeType, g.params, db),
        devices: g.devices,
        params: g.params,
      })),
      ...estimateLanes(db, lanes),
    },
  };
}
