import { carrierError } from '../errors';
import type { CarrierError } from '../types';

/** ThingSpace's per-line limits (carrier-apis.md §1.9). */
export const PROVISIONING_ACTIONS_PER_DAY = 5;
export const IOT_ORDER_FLOW_SUSPEND_RESTORE_PER_DAY = 25;
export const PLAN_CHANGES_PER_MONTH = 4;

export type LedgerAction = 'activate' | 'suspend' | 'restore' | 'deactivate' | 'plan';

// The windows are UTC calendar days and months; the carrier's own boundary is not documented.
const windowOf = (action: LedgerAction, ms: number) =>
  new Date(ms).toISOString().slice(0, action === 'plan' ? 7 : 10);

/**
 * What this adapter has had accepted per line, so it can refuse a change ThingSpace would
 * refuse anyway (after taking it and, for the daily quota, counting it) without sending it.
 * It only knows its own requests; the carrier stays the judge of everything else.
 */
export class ActionLedger {
  private readonly counts = new Map<string, { window: string; count: number }>();

  constructor(
    private readonly now: () => number,
    private readonly iotOrderFlow: boolean,
  ) {}

  /** The refusal ThingSpace would give for one more `action` on this line, if any. */
  check(iccid: string, action: LedgerAction): CarrierError | undefined {
    const used = this.used(iccid, action);
    if (action === 'plan')
      return used >= PLAN_CHANGES_PER_MONTH
        ? carrierError(
            'business_rule',
            `ThingSpace allows ${PLAN_CHANGES_PER_MONTH} plan changes per line per month, and this line has used them. Try again next month.`,
          )
        : undefined;
    const limit =
      this.iotOrderFlow && (action === 'suspend' || action === 'restore')
        ? IOT_ORDER_FLOW_SUSPEND_RESTORE_PER_DAY
        : PROVISIONING_ACTIONS_PER_DAY;
    return used >= limit
      ? carrierError(
          'business_rule',
          `ThingSpace allows ${limit} activate, suspend, restore or deactivate actions per line per day, and this line has used them. Try again tomorrow.`,
        )
      : undefined;
  }

  /** ThingSpace accepted `action` for this line. */
  record(iccid: string, action: LedgerAction): void {
    const key = this.key(iccid, action);
    const window = windowOf(action, this.now());
    const entry = this.counts.get(key);
    this.counts.set(key, { window, count: entry?.window === window ? entry.count + 1 : 1 });
  }

  private used(iccid: string, action: LedgerAction): number {
    const entry = this.counts.get(this.key(iccid, action));
    return entry?.window === windowOf(action, this.now()) ? entry.count : 0;
  }

  private key(iccid: string, action: LedgerAction): string {
    return `${action === 'plan' ? 'plan' : 'provisioning'} ${iccid}`;
  }
}
