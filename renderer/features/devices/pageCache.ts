import type { DeviceRow } from '../../../shared/domain/devices';

/** Rows per `devices:list` call. */
export const PAGE_SIZE = 200;
/** However far the desk scrolls through a million devices, at most 8,000 rows stay in memory. */
const MAX_CACHED_PAGES = 40;

export type Pages = ReadonlyMap<number, readonly DeviceRow[]>;

/** The page that holds row `index`. */
export const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

/** Adds a page, forgetting the pages furthest from it once the cache is full. */
export function withPage(pages: Pages, page: number, rows: readonly DeviceRow[]): Pages {
  const next = new Map(pages).set(page, rows);
  if (next.size <= MAX_CACHED_PAGES) return next;
  const furthestFirst = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
  for (const old of furthestFirst.slice(0, next.size - MAX_CACHED_PAGES)) next.delete(old);
  return next;
}

export const rowAt = (pages: Pages, index: number): DeviceRow | undefined =>
  pages.get(pageOf(index))?.[index % PAGE_SIZE];
