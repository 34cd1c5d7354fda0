import { z } from 'zod';
import { Carrier } from '../domain/carriers';
import { DeviceRow, DeviceStatus } from '../domain/devices';
import { defineRequest } from './define';

/** Grids pull pages; never the whole inventory at once. */
export const MAX_PAGE = 500;
/**
 * Longest piece of a pasted list sent in one `devices:match` call; a longer paste is sent in
 * pieces (cut between ids) so one call never holds core for long or outgrows a request.
 */
export const MAX_PASTE_PIECE = 200_000;

const Ids = z.array(z.number().int().positive()).max(500);

export const DeviceQuery = z.object({
  carriers: z.array(Carrier).max(4).optional(),
  statuses: z.array(DeviceStatus).max(5).optional(),
  /** ICCID, IMEI or MSISDN, whole or its first digits; spaces and dashes are ignored. */
  search: z.string().max(64).optional(),
  customers: Ids.optional(),
  sites: Ids.optional(),
  carrierRatePlans: Ids.optional(),
  customerRatePlans: Ids.optional(),
  /** A pasted list core holds (from `devices:match`): only its devices. */
  listId: z.string().min(1).max(64).optional(),
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

/** Orders each offered sort can keep an index walk over a 1M-device inventory. */
export const DeviceSortKey = z.enum(['iccid', 'status', 'updated']);
export type DeviceSortKey = z.infer<typeof DeviceSortKey>;

export const DeviceSort = z.object({ by: DeviceSortKey, direction: z.enum(['asc', 'desc']) });
export type DeviceSort = z.infer<typeof DeviceSort>;

export const DevicePageRequest = DeviceQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE).default(100),
  /** Absent: in the order devices were added. */
  sort: DeviceSort.optional(),
});

export const DevicePage = z.object({ total: z.number().int(), rows: z.array(DeviceRow) });
export type DevicePage = z.infer<typeof DevicePage>;

export const DeviceFacets = z.object({
  total: z.number().int(),
  byCarrier: z.record(Carrier, z.number().int()),
  byStatus: z.record(DeviceStatus, z.number().int()),
});
export type DeviceFacets = z.infer<typeof DeviceFacets>;

const Counted = { id: z.number().int(), name: z.string(), devices: z.number().int() };

/** What the grid's pickers offer, each with its devices in the whole workspace. */
export const DeviceFilterOptions = z.object({
  customers: z.array(z.object({ ...Counted, tenant: z.string() })),
  sites: z.array(z.object({ ...Counted, customerId: z.number().int() })),
  carrierRatePlans: z.array(
    z.object({ ...Counted, code: z.string(), accountName: z.string(), carrier: Carrier }),
  ),
  customerRatePlans: z.array(z.object({ ...Counted, code: z.string(), tenant: z.string() })),
});
export type DeviceFilterOptions = z.infer<typeof DeviceFilterOptions>;

/** A pasted id that found no single device: where it was, what it said and why. */
export const UnmatchedId = z.object({
  /** 1 for the first id of the whole paste. */
  position: z.number().int().min(1),
  value: z.string(),
  reason: z.string(),
});
export type UnmatchedId = z.infer<typeof UnmatchedId>;

export const PasteMatch = z.object({
  listId: z.string(),
  /** Ids read so far, over every piece of this paste. */
  ids: z.number().int(),
  /** Distinct devices in the list so far. */
  matched: z.number().int(),
  /** Ids so far that named a device already in the list. */
  duplicates: z.number().int(),
  /** This piece's ids that matched no device, or more than one. */
  unmatched: z.array(UnmatchedId),
});
export type PasteMatch = z.infer<typeof PasteMatch>;

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
  'devices:filterOptions': defineRequest(
    'Customers, sites, carrier and customer rate plans to filter by, with their device counts.',
    z.object({}),
    DeviceFilterOptions,
  ),
  'devices:match': defineRequest(
    'Finds the devices of a pasted list of ICCIDs, IMEIs, MSISDNs or EIDs (any separator) and keeps them as a list to filter by; a long paste comes in pieces that name the list the first piece started.',
    z.object({
      text: z.string().max(MAX_PASTE_PIECE),
      listId: z.string().min(1).max(64).optional(),
    }),
    PasteMatch,
  ),
};
