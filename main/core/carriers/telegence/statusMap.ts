import { carrierError } from '../errors';
import type { CarrierDeviceState, CarrierError, DeviceRef } from '../types';
import { CARRIER_NAME } from './errors';
import type { TelegenceAdapterSettings } from './settings';
import { characteristic, type ActivationResult, type LineDetail } from './wire';

/** A line-configuration detail in our vocabulary; the letter AT&T used stays in carrierStatus. */
export function lineState(
  detail: LineDetail,
  device: DeviceRef,
  letters: TelegenceAdapterSettings['statusLetters'],
): { ok: true; state: CarrierDeviceState } | { ok: false; error: CarrierError } {
  const list = detail.serviceCharacteristic;
  const letter = characteristic(list, 'subscriberStatus');
  const status = letter === null ? undefined : letters[letter.toUpperCase()];
  if (!status) {
    return {
      ok: false,
      error: carrierError(
        'malformed_response',
        `${CARRIER_NAME} reported subscriber status "${letter ?? '(none)'}" for line ` +
          `${detail.subscriberNumber ?? device.msisdn ?? ''}, which the console does not recognise.`,
        { transient: false, carrierReason: `subscriberStatus ${letter ?? 'missing'}` },
      ),
    };
  }
  return {
    ok: true,
    state: {
      iccid: characteristic(list, 'sim') ?? device.iccid,
      // The detail carries the IMEI as BLIMEI; updates send it as IMEI.
      imei: characteristic(list, 'BLIMEI') ?? characteristic(list, 'IMEI') ?? device.imei ?? null,
      msisdn: detail.subscriberNumber ?? device.msisdn ?? null,
      status,
      carrierStatus: letter!,
      ratePlan: characteristic(list, 'singleUserCode'),
      communicationPlan: null,
    },
  };
}

/** The line an activation opened, as its result describes it. */
export function activatedState(result: ActivationResult, device: DeviceRef): CarrierDeviceState {
  const list = result.service?.serviceCharacteristic;
  return {
    iccid: characteristic(list, 'sim') ?? device.iccid,
    imei: characteristic(list, 'IMEI') ?? device.imei ?? null,
    msisdn: result.service?.subscriberNumber ?? null,
    status: 'active',
    carrierStatus: result.service?.status ?? 'active',
    ratePlan: characteristic(list, 'singleUserCode'),
    communicationPlan: null,
  };
}
