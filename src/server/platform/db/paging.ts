import type { Page, PageQuery } from "../../../contracts/common.js";

/** An ILIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * One page of a list, in the shape every list answers with: the rows of the page's window and the
 * total count of the filtered list.
 * @param query.rows the list query, given the window to apply with .limit() and .offset()
 * @param query.total the count query with the same filter (`select({ n: count() })`)
 */
export async function pageOf<R, T>(
  q: PageQuery,
  query: { rows: (limit: number, offset: number) => PromiseLike<R[]>; total: PromiseLike<{ n: number }[]> },
  toItem: (row: R) => T,
): Promise<Page<T>> {
  const [rows, [total]] = await Promise.all([query.rows(q.pageSize, (q.page - 1) * q.pageSize), query.total]);
  return { items: rows.map(toItem), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
