import { carrierError } from '../errors';
import type { CarrierDeviceState, CarrierError } from '../types';
import type { ThingSpaceCall } from './api';
import { toDeviceState } from './statusMap';
import { DeviceListResponse } from './wire';

export type DeviceRead =
  { ok: true; state: CarrierDeviceState } | { ok: false; error: CarrierError };

/**
 * One device as ThingSpace lists it, found by one identifier (`devices/actions/list` with a
 * `deviceId`, §1.6). An empty list is a permanent not_found.
 */
export async function readDevice(
  call: ThingSpaceCall,
  accountName: string,
  id: { id: string; kind: 'iccid' | 'imei' },
): Promise<DeviceRead> {
  const result = await call(
    {
      method: 'POST',
      url: '/api/m2m/v1/devices/actions/list',
      data: { accountName, deviceId: { id: id.id, kind: id.kind } },
    },
    DeviceListResponse,
  );
  if (!result.ok) return result;
  const device = result.data.devices.find((d) =>
    d.deviceIds.some((x) => x.kind.toLowerCase() === id.kind && x.id === id.id),
  );
  if (!device)
    return {
      ok: false,
      error: carrierError(
        'not_found',
        `ThingSpace has no device with ${id.kind.toUpperCase()} ${id.id} in this account.`,
      ),
    };
  return toDeviceState(device);
}
