import { z } from 'zod';
import { Carrier } from './carriers';

/**
 * Our status for a line, whatever the carrier calls it (the carrier's own word is kept in
 * `carrierStatus`). `inventory` is a SIM that was never activated.
 */
export const DeviceStatus = z.enum(['inventory', 'active', 'suspended', 'deactivated', 'pending']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const deviceStatusLabels: Record<DeviceStatus, string> = {
  inventory: 'Inventory',
  active: 'Active',
  suspended: 'Suspended',
  deactivated: 'Deactivated',
  pending: 'Pending',
};

/** One row of the Devices grid. */
export const DeviceRow = z.object({
  id: z.number().int(),
  iccid: z.string(),
  imei: z.string().nullable(),
  msisdn: z.string().nullable(),
  eid: z.string().nullable(),
  carrier: Carrier,
  accountName: z.string(),
  status: DeviceStatus,
  carrierStatus: z.string(),
  carrierRatePlan: z.string().nullable(),
  communicationPlan: z.string().nullable(),
  customerRatePlan: z.string().nullable(),
  customer: z.string().nullable(),
  site: z.string().nullable(),
  updatedAt: z.string(),
});
export type DeviceRow = z.infer<typeof DeviceRow>;
