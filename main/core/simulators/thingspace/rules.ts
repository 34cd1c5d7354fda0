/** Documented ThingSpace numbers (carrier-apis.md §1.2, §1.9, §1.10): fixed, not settings. */
export const OAUTH_TOKEN_LIFE_MS = 60 * 60_000;
export const SESSION_IDLE_MS = 20 * 60_000;
export const LOCKOUT_AFTER_FAILED_LOGINS = 5;
export const PROVISIONING_ACTIONS_PER_DAY = 5;
export const IOT_ORDER_FLOW_SUSPEND_RESTORE_PER_DAY = 25;
export const PLAN_CHANGES_PER_MONTH = 4;
export const MAX_CONTINUOUS_SUSPEND_MS = 90 * 24 * 3_600_000;
export const MAX_SUSPENDED_MS_PER_YEAR = 180 * 24 * 3_600_000;
export const MDN_RESERVED_MS = 50 * 24 * 3_600_000;
export const MAX_DEVICES_PER_ACTIVATE = 10_000;

/** ThingSpace's device states as its device list spells them (lower case on the wire). */
export type WireState = 'preactive' | 'active' | 'suspend' | 'deactive';

export type DeviceAction = 'activate' | 'suspend' | 'restore' | 'deactivate' | 'plan' | 'deviceId';

/** The actions that use the per-line daily provisioning quota. */
export const PROVISIONING_ACTIONS: ReadonlySet<DeviceAction> = new Set([
  'activate',
  'suspend',
  'restore',
  'deactivate',
]);

/** States each action may start from ([doc] §1.10 transitions). */
export const ALLOWED_FROM: Record<DeviceAction, readonly WireState[]> = {
  activate: ['preactive', 'deactive'],
  suspend: ['active'],
  restore: ['suspend'],
  deactivate: ['active'],
  plan: ['active'],
  deviceId: ['active'],
};

/**
 * A broken rule, as a code for synchronous errors and a sentence for the per-device fault.
 * The code names are the simulator's; the documented catalogue has none for these rules.
 */
export interface RuleFault {
  code: string;
  text: string;
}

export const fault = {
  dailyQuota: (limit: number): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.ProvisioningActionLimitReached',
    text: `The device has reached the limit of ${limit} provisioning actions per line per day.`,
  }),
  planQuota: (): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.ServicePlanChangeLimitReached',
    text: `The device has reached the limit of ${PLAN_CHANGES_PER_MONTH} service plan changes per month.`,
  }),
  planWhileSuspended: (): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.ServicePlanChangeNotAllowedWhileSuspended',
    text: 'The service plan cannot be changed while the device is suspended.',
  }),
  wrongState: (action: DeviceAction, state: string): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.InvalidDeviceState',
    text: `The device is in state '${state}'; ${action} is allowed only from ${ALLOWED_FROM[action].join(' or ')}.`,
  }),
  suspendYearCap: (): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.SuspendLimitReached',
    text: 'The device has already been suspended for 180 days this year.',
  }),
  noMdn: (): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.NoMdn',
    text: 'The device ID can be changed only on an active device with an MDN.',
  }),
  idExists: (kind: string): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.DeviceIdAlreadyExists',
    text: `The new ${kind.toUpperCase()} is already in the ThingSpace database; a deactivated device must be deleted first.`,
  }),
  notFound: (): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.DeviceNotFound',
    text: 'The device was not found in the account.',
  }),
  addedDeactive: (): RuleFault => ({
    code: 'DeviceService.REQUEST_FAILED.DeviceNotFound',
    text: 'The device was not in the account; it was added as deactivated and not activated.',
  }),
};

/** UTC calendar day and month keys: the quota windows, moved by the simulated clock. */
export const dayKey = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const monthKey = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
export const yearKey = (ms: number): string => new Date(ms).toISOString().slice(0, 4);
