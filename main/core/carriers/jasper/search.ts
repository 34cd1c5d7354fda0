import type { DeviceStatus } from '../../../../shared/domain/devices';
import type { CarrierError } from '../types';
import type { SearchPage } from './answers';
import { ourStatus } from './statusMap';

/** A device as Search Devices reports it: status and plans, nothing more. */
export interface SyncedDevice {
  iccid: string;
  status: DeviceStatus;
  carrierStatus: string;
  ratePlan: string | null;
  communicationPlan: string | null;
}

export type SearchResult =
  | {
      ok: true;
      /** Oldest change first; a device seen twice is reported once, as last seen. */
      devices: SyncedDevice[];
      /** False if devices kept changing under every scan, so one may have slipped past. */
      complete: boolean;
    }
  | { ok: false; error: CarrierError };

type PageResult = { ok: true; page: SearchPage } | { ok: false; error: CarrierError };

// A scan restarts when it sees pages shift; a few tries, then it reports what it has.
const MAX_SCANS = 3;
// 50 rows a page: a million devices is 20,000 pages; more means the carrier never says lastPage.
const MAX_PAGES = 20_000;

/**
 * Reads every page of a modifiedSince search. Pages are offsets into a list sorted by change
 * time, so a device changed while we read moves to the end and every later row shifts back by
 * one: the first row of the next page slides onto a page already read and is never seen. That
 * device then shows up twice, which is how we notice, and the scan starts again.
 */
export async function readAllPages(
  fetchPage: (pageNumber: number) => Promise<PageResult>,
  tooManyPages: () => CarrierError,
): Promise<SearchResult> {
  const found = new Map<string, SyncedDevice>();
  for (let scan = 1; scan <= MAX_SCANS; scan += 1) {
    const seen = new Set<string>();
    let shifted = false;
    for (let pageNumber = 1; ; pageNumber += 1) {
      if (pageNumber > MAX_PAGES) return { ok: false, error: tooManyPages() };
      const result = await fetchPage(pageNumber);
      if (!result.ok) return result;
      for (const row of result.page.devices) {
        if (seen.has(row.iccid)) shifted = true;
        seen.add(row.iccid);
        // Re-inserted so the map keeps the carrier's order: oldest change first.
        found.delete(row.iccid);
        found.set(row.iccid, {
          iccid: row.iccid,
          status: ourStatus(row.status),
          carrierStatus: row.status,
          ratePlan: row.ratePlan,
          communicationPlan: row.communicationPlan,
        });
      }
      if (result.page.lastPage || result.page.devices.length === 0) break;
    }
    if (!shifted) return { ok: true, devices: [...found.values()], complete: true };
  }
  return { ok: true, devices: [...found.values()], complete: false };
}
