import { z } from 'zod';
import { Carrier } from '../domain/carriers';
import { DeviceRow, DeviceStatus } from '../domain/devices';
import { defineRequest } from './define';

/** Grids pull pages; never the whole inventory at once. */
export const MAX_PAGE = 500;

export const DeviceQuery = z.object({
  carriers: z.array(Carrier).max(4).optional(),
  statuses: z.array(DeviceStatus).max(5).optional(),
  /** ICCID, IMEI or MSISDN, whole or its first digits; spaces and dashes are ignored. */
  search: z.string().max(64).optional(),
});
export type DeviceQuery = z.infer<typeof DeviceQuery>;

/**
 * Which devices a change is for: ICCIDs picked one by one, or everything matching a filter
 * (less any the desk unticked), resolved in core so a 1M-device selection never crosses IPC.
 */
export const DeviceSelection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ids'),
    ids: z.array(z.string().max(64)).min(1, 'select at least one device').max(1_000_000),
  }),
  z.object({
    kind: z.literal('filter'),
    filter: DeviceQuery,
    except: z.array(z.string().max(64)).max(100_000).default([]),
  }),
]);
export type DeviceSelection = z.infer<typeof DeviceSelection>;

export const DevicePageRequest = DeviceQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE).default(100),
});

export const DevicePage = z.object({ total: z.number().int(), rows: z.array(DeviceRow) });
export type DevicePage = z.infer<typeof DevicePage>;

export const DeviceFacets = z.object({
  total: z.number().int(),
  byCarrier: z.record(Carrier, z.number().int()),
  byStatus: z.record(DeviceStatus, z.number().int()),
});
export type DeviceFacets = z.infer<typeof DeviceFacets>;

export const deviceRequests = {
  'devices:list': defineRequest(
    'A page of devices matching the filters.',
    DevicePageRequest,
    DevicePage,
  ),
  'devices:facets': defineRequest(
    'Device counts by carrier and by status.',
    z.object({}),
    DeviceFacets,
  ),
};
