import type { DeviceStatus } from '../../../../shared/domain/devices';
import { carrierError } from '../errors';
import type { CarrierDeviceState, CarrierError } from '../types';
import type { WireDevice } from './wire';

/**
 * ThingSpace's state words to ours. The docs spell them several ways (`active`, `Activate`,
 * `deactive`, `Pre-active`, `preactive`, `pending activation`), so match loosely (§1.10).
 */
export function ourStatus(word: string): DeviceStatus | undefined {
  const plain = word.toLowerCase().replace(/[^a-z]/g, '');
  if (plain.startsWith('pending')) return 'pending';
  if (plain === 'preactive') return 'inventory';
  if (plain === 'active' || plain === 'activate') return 'active';
  if (plain === 'suspend' || plain === 'suspended') return 'suspended';
  if (plain === 'deactive' || plain === 'deactivate' || plain === 'deactivated')
    return 'deactivated';
  return undefined;
}

/** The first identifier of the kinds given, in that order of preference. */
function idOf(device: WireDevice, ...kinds: string[]): string | null {
  for (const kind of kinds) {
    const found = device.deviceIds.find((id) => id.kind.toLowerCase() === kind);
    if (found) return found.id;
  }
  return null;
}

/** A listed device in our vocabulary, keeping ThingSpace's own state word. */
export function toDeviceState(
  device: WireDevice,
): { ok: true; state: CarrierDeviceState } | { ok: false; error: CarrierError } {
  const carrier = device.carrierInformations[0]!;
  const status = ourStatus(carrier.state);
  if (!status)
    return {
      ok: false,
      error: carrierError(
        'malformed_response',
        `ThingSpace reported a device state the console does not know ("${carrier.state}").`,
        { carrierReason: carrier.state },
      ),
    };
  return {
    ok: true,
    state: {
      iccid: idOf(device, 'iccid') ?? '',
      imei: idOf(device, 'imei'),
      msisdn: idOf(device, 'msisdn', 'mdn'),
      status,
      carrierStatus: carrier.state,
      ratePlan: carrier.servicePlan ?? null,
      communicationPlan: null,
    },
  };
}
