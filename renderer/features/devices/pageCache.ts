import type { DeviceRow } from '../../../shared/domain/devices';
import * as cache from '../../ui/pageCache';

/** Rows per `devices:list` call. */
export const PAGE_SIZE = 200;
/** However far the desk scrolls through a million devices, at most 8,000 rows stay in memory. */
const MAX_CACHED_PAGES = 40;

export type Pages = cache.Pages<DeviceRow>;

/** The page that holds row `index`. */
export const pageOf = (index: number): number => cache.pageOf(index, PAGE_SIZE);

/** Adds a page, forgetting the pages furthest from it once the cache is full. */
export const withPage = (pages: Pages, page: number, rows: readonly DeviceRow[]): Pages =>
  cache.withPage(pages, page, rows, MAX_CACHED_PAGES);

export const rowAt = (pages: Pages, index: number): DeviceRow | undefined =>
  cache.rowAt(pages, index, PAGE_SIZE);
