/** Loaded pages of a long list, by page number. */
export type Pages<Row> = ReadonlyMap<number, readonly Row[]>;

/** The page of `pageSize` rows that holds row `index`. */
export const pageOf = (index: number, pageSize: number): number => Math.floor(index / pageSize);

/** Adds a page, forgetting the pages furthest from it once more than `maxPages` are held. */
export function withPage<Row>(
  pages: Pages<Row>,
  page: number,
  rows: readonly Row[],
  maxPages: number,
): Pages<Row> {
  const next = new Map(pages).set(page, rows);
  if (next.size <= maxPages) return next;
  const furthestFirst = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
  for (const old of furthestFirst.slice(0, next.size - maxPages)) next.delete(old);
  return next;
}

export const rowAt = <Row>(pages: Pages<Row>, index: number, pageSize: number): Row | undefined =>
  pages.get(pageOf(index, pageSize))?.[index % pageSize];
