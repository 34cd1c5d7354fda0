import type { CarrierDeviceState, CarrierError, DeviceOutcome, DeviceRef } from '../types';
import type { TelegenceClient } from './client';
import {
  CARRIER_NAME,
  esimRequired,
  noSubscriberNumber,
  refusal,
  unexpectedAnswer,
} from './errors';
import type { TelegenceAdapterSettings } from './settings';
import { lineState } from './statusMap';
import { ESIM_REQUIRED_NAME, LineDetail, telegencePaths } from './wire';

type ReadResult = { ok: true; state: CarrierDeviceState } | { ok: false; error: CarrierError };

/**
 * Subscriber numbers learned from AT&T's own answers (activation results, line reads, swaps),
 * so a SIM activated in this run can be read and changed before the store hands us its MDN.
 */
export class LineDirectory {
  private readonly byIccid = new Map<string, string>();

  remember(iccid: string, subscriberNumber: string): void {
    this.byIccid.set(iccid, subscriberNumber);
  }

  subscriberNumber(device: DeviceRef): string | undefined {
    return device.msisdn?.trim() || this.byIccid.get(device.iccid);
  }

  clear(): void {
    this.byIccid.clear();
  }
}

/** One line update: the PATCH body, what it is for the desk, and how to see it took effect. */
export interface LineChange {
  body: Record<string, unknown>;
  /** "suspend line 1214…": completes "AT&T Telegence refused to …". */
  what: string;
  applied(state: CarrierDeviceState): boolean;
  /** The SIM named in an eSIM-profile answer (a swap's new SIM). */
  simInQuestion?: string;
}

const noLine = (error: CarrierError, subscriberNumber: string): CarrierError =>
  error.code === 'not_found'
    ? {
        ...error,
        message: `${CARRIER_NAME} has no line with subscriber number ${subscriberNumber}.`,
      }
    : error;

/** Reads and changes subscriber lines: GET/PATCH line-config service/{subscriberNumber}. */
export function createLineOps(
  client: TelegenceClient,
  settings: TelegenceAdapterSettings,
  directory: LineDirectory,
) {
  async function read(device: DeviceRef): Promise<ReadResult> {
    const subscriberNumber = directory.subscriberNumber(device);
    if (!subscriberNumber) return { ok: false, error: noSubscriberNumber(device.iccid, true) };
    const result = await client.call<unknown>({
      method: 'GET',
      url: telegencePaths.line(subscriberNumber),
    });
    if (!result.ok) return { ok: false, error: noLine(result.error, subscriberNumber) };
    const detail = LineDetail.safeParse(result.data);
    if (!detail.success) return { ok: false, error: unexpectedAnswer('a line read', true) };
    const read = lineState(
      detail.data,
      { ...device, msisdn: subscriberNumber },
      settings.statusLetters,
    );
    if (read.ok) directory.remember(read.state.iccid, subscriberNumber);
    return read;
  }

  async function change(device: DeviceRef, lineChange: LineChange): Promise<DeviceOutcome> {
    const failed = (error: CarrierError): DeviceOutcome => ({ kind: 'failed', device, error });
    const subscriberNumber = directory.subscriberNumber(device);
    if (!subscriberNumber) return failed(noSubscriberNumber(device.iccid, false));
    const result = await client.call<unknown>({
      method: 'PATCH',
      url: telegencePaths.line(subscriberNumber),
      data: lineChange.body,
    });
    const answered2xx = result.status !== undefined && result.status < 300;
    if (!result.ok && !answered2xx) {
      return failed(refusal(noLine(result.error, subscriberNumber), lineChange.what));
    }
    const detail = result.ok ? LineDetail.safeParse(result.data) : undefined;
    if (detail?.success && detail.data.name === ESIM_REQUIRED_NAME) {
      return failed(esimRequired(lineChange.simInQuestion ?? device.iccid, lineChange.what));
    }
    const state = detail?.success
      ? lineState(detail.data, { ...device, msisdn: subscriberNumber }, settings.statusLetters)
      : undefined;
    if (state?.ok) {
      directory.remember(state.state.iccid, subscriberNumber);
      return { kind: 'done', device, state: state.state };
    }
    if (detail?.success) return { kind: 'done', device };
    // AT&T said yes but the answer can't be read: look at the line before calling it either way.
    const confirmed = await read({ ...device, msisdn: subscriberNumber });
    if (confirmed.ok && lineChange.applied(confirmed.state)) {
      return { kind: 'done', device, state: confirmed.state };
    }
    return failed(result.ok ? unexpectedAnswer(lineChange.what, true) : result.error);
  }

  return { read, change };
}
