import type { ImportField } from '../../../shared/contract/imports';
import type { ChangeType, StatusAction } from '../../../shared/domain/changes';
import type { DeviceRecord } from '../changes/handler';
import type { Catalog } from './catalog';
import { cellText } from './fields';
import type { Cell } from './read';
import { parseEffectiveDate } from './dates';

/** A row's values by field (only mapped, non-empty ones). */
export type RowValues = Partial<Record<ImportField, Cell>>;

/** A problem with one of the row's parameter cells. */
export interface ParamProblem {
  field: ImportField;
  value: string;
  message: string;
}

export type RowParams =
  { ok: true; params: Record<string, unknown> } | { ok: false; problem: ParamProblem };

/** Words customers write for each status move; a plain "Active" depends on where the device is. */
const statusWords: Record<StatusAction | 'active', string[]> = {
  activate: ['activate', 'activation', 'activated', 'reactivate', 'enable', 'enabled', 'turnon'],
  active: ['active', 'live', 'on', 'inservice'],
  suspend: [
    'suspend',
    'suspended',
    'suspension',
    'pause',
    'paused',
    'hold',
    'onhold',
    'bar',
    'barred',
  ],
  restore: ['restore', 'restored', 'resume', 'unsuspend', 'unbar', 'reconnect', 'unpause'],
  deactivate: [
    'deactivate',
    'deactivated',
    'deactivation',
    'terminate',
    'terminated',
    'cancel',
    'cancelled',
    'canceled',
    'disconnect',
    'retire',
    'retired',
    'inactive',
    'off',
  ],
};

/** The status move a cell asks for, for this device; undefined when the word means nothing. */
export function actionOf(text: string, device: DeviceRecord): StatusAction | undefined {
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  for (const [word, list] of Object.entries(statusWords) as [StatusAction | 'active', string[]][])
    if (list.includes(key))
      return word === 'active' ? (device.status === 'suspended' ? 'restore' : 'activate') : word;
  return undefined;
}

const problem = (field: ImportField, value: Cell, message: string): RowParams => ({
  ok: false,
  problem: { field, value: cellText(value), message },
});

/**
 * The change's parameters for one row: the form's values, with the row's mapped cells (names
 * and codes as customers write them) resolved to what the change handler takes.
 */
export function rowParams(
  changeType: ChangeType,
  base: Record<string, unknown>,
  values: RowValues,
  device: DeviceRecord,
  catalog: Catalog,
  tenantId: number | null,
): RowParams {
  const params: Record<string, unknown> = { ...base };
  const text = (field: ImportField) => cellText(values[field]);
  const has = (field: ImportField) => text(field) !== '';

  if (changeType === 'statusUpdate' && has('targetStatus')) {
    const action = actionOf(text('targetStatus'), device);
    if (!action)
      return problem(
        'targetStatus',
        values.targetStatus!,
        `"${text('targetStatus')}" is not a status change. Write Activate, Suspend, Restore or Deactivate (or Active, Suspended, Deactivated).`,
      );
    params.action = action;
  }
  if (
    (changeType === 'statusUpdate' || changeType === 'carrierRatePlanChange') &&
    has('carrierRatePlan')
  ) {
    const plan = catalog.carrierPlan(text('carrierRatePlan'), device.accountId);
    if (!plan.ok) return problem('carrierRatePlan', values.carrierRatePlan!, plan.message);
    params.ratePlan = plan.value;
  }
  if (changeType === 'customerAssignment' && has('customer')) {
    const customer = catalog.customer(text('customer'), tenantId);
    if (!customer.ok) return problem('customer', values.customer!, customer.message);
    params.customerId = customer.value.id;
    if (has('site')) {
      const site = catalog.site(text('site'), customer.value);
      if (!site.ok) return problem('site', values.site!, site.message);
      params.siteId = site.value.id;
    }
  }
  if (
    (changeType === 'customerAssignment' || changeType === 'customerRatePlanChange') &&
    has('customerRatePlan')
  ) {
    const plan = catalog.customerPlan(text('customerRatePlan'), tenantId ?? device.tenantId);
    if (!plan.ok) return problem('customerRatePlan', values.customerRatePlan!, plan.message);
    params.customerRatePlanId = plan.value.id;
  }
  if (changeType === 'customerRatePlanChange' && has('effectiveDate')) {
    const date = parseEffectiveDate(values.effectiveDate!);
    if (!date.ok) return problem('effectiveDate', values.effectiveDate!, date.message);
    params.effectiveDate = date.value;
  }
  if (changeType === 'identifierChange') {
    const swap: Record<string, string> = { iccid: device.iccid };
    if (has('newIccid')) swap.newIccid = numberSafe(values.newIccid!);
    if (has('newImei')) swap.newImei = numberSafe(values.newImei!);
    params.swaps = [swap];
  }
  return { ok: true, params };
}

/** A swap target as text; a number keeps its digits so the validator can name the damage. */
const numberSafe = (cell: Cell): string =>
  typeof cell === 'number'
    ? Number.isSafeInteger(cell)
      ? String(cell)
      : cell.toExponential()
    : cellText(cell);
