import type { ChangeHandler, WorkItem } from '../changes/handler';
import { completesLater, type CarrierAdapter } from '../carriers/types';
import { describeError } from './outcomes';
import type { LeasedChange, Settlement } from './queue';

/**
 * A change whose lease ran out while IN_FLIGHT: the process stopped mid-call, so the carrier
 * may or may not have it. Ask the carrier before anything is resent. Returns undefined when the
 * carrier can't be asked right now (try again later).
 */
export async function reconcile(
  change: LeasedChange,
  item: WorkItem,
  handler: ChangeHandler,
  params: unknown,
  adapter: CarrierAdapter | undefined,
  now: number,
): Promise<
  | { settlement: Settlement; applied: boolean; state?: Parameters<ChangeHandler['applyLocal']>[3] }
  | undefined
> {
  // Local changes commit with their status in one transaction: an expired lease means nothing happened.
  if (!adapter)
    return {
      settlement: {
        kind: 'retry',
        nextAttemptAt: now,
        code: 'restarted',
        message: 'Resumed after the console restarted.',
        refundAttempt: true,
      },
      applied: false,
    };

  const carrierName = adapter.carrier;
  const looked = await adapter.getDeviceState({
    iccid: item.device.iccid,
    imei: item.device.imei,
    msisdn: item.device.msisdn,
  });
  if (!looked.ok) {
    if (looked.error.transient) return undefined;
    return {
      settlement: review(
        carrierName,
        `the carrier could not be asked about the device (${describeError(looked.error)})`,
      ),
      applied: false,
    };
  }
  const applied = handler.isApplied?.(looked.state, params, item);
  if (applied === true)
    return {
      settlement: { kind: 'succeeded', result: { state: looked.state, reconciled: true } },
      applied: true,
      state: looked.state,
    };
  const operation = handler.operation?.(params as never);
  const later = operation
    ? completesLater(adapter.capabilities, operation)
    : adapter.capabilities.completion === 'async';
  if (applied === false && !later) {
    // A synchronous carrier either applied the call or didn't; it didn't, so sending again is safe.
    return {
      settlement: {
        kind: 'retry',
        nextAttemptAt: now,
        code: 'restarted',
        message: 'Not applied at the carrier before the console stopped; sending again.',
      },
      applied: false,
    };
  }
  return {
    settlement: review(
      carrierName,
      applied === false
        ? 'the carrier may still be working on the earlier request'
        : 'the carrier’s records can’t show whether it arrived',
    ),
    applied: false,
  };
}

const review = (carrier: string, why: string): Settlement => ({
  kind: 'review',
  code: 'interrupted',
  message: `The console stopped while this change was being sent to ${carrier}, and ${why}. Check the device at the carrier, then retry it or close it.`,
});
