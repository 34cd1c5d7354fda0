import type { Carrier } from '../../../shared/domain/carriers';
import type { DeviceStatus } from '../../../shared/domain/devices';

/**
 * Each carrier's own word for our statuses, as its API spells it. Cisco Control Center has no
 * suspend: a suspended line there is DEACTIVATED, and a line taken out of service is RETIRED.
 */
export const carrierStatusWords: Record<Carrier, Record<DeviceStatus, string>> = {
  thingspace: {
    inventory: 'preactive',
    active: 'active',
    suspended: 'suspend',
    deactivated: 'deactive',
    pending: 'pending activation',
  },
  jasper: {
    inventory: 'ACTIVATION_READY',
    active: 'ACTIVATED',
    suspended: 'DEACTIVATED',
    deactivated: 'RETIRED',
    pending: 'ACTIVATION_READY',
  },
  telegence: { inventory: 'R', active: 'A', suspended: 'S', deactivated: 'C', pending: 'P' },
  pond: {
    inventory: 'INACTIVE',
    active: 'ACTIVE',
    suspended: 'DISABLED',
    deactivated: 'TERMINATED',
    pending: 'PENDING',
  },
};
