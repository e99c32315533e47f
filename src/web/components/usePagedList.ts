import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Page } from "../../contracts/index.js";
import { type ApiData, type ApiPath, api } from "../api.js";

const PAGE_SIZE = 20;

/** Query parameters besides paging and search: filters and sort order. Empty values are left out. */
export type ListFilters = Record<string, string | number | undefined>;

/**
 * One server-paginated, searchable list. Its query key starts with the API path, so
 * invalidating that path refreshes every page of it. Changing the search or the filters
 * or the sort order goes back to the first page. `scope` holds parameters the page is about
 * (a building, a period) rather than filters the person set: they do not make an empty list
 * read as "nothing matches the filters".
 */
export function usePagedList<P extends PagedPath>(
  path: P,
  filters: ListFilters = {},
  sort?: string,
  scope: ListFilters = {},
): PagedList<PagedItem<P>> {
  const filterKey = JSON.stringify([filters, sort, scope]);
  const [paging, setPaging] = useState({ page: 1, filterKey });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const setPage = (value: number) => setPaging({ page: value, filterKey });
  const [search, setSearchValue] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const params = { ...scope, ...filters, sort, page, pageSize: PAGE_SIZE, q };
  const query = useQuery({
    queryKey: [path, params],
    // The filters are checked by the page that names them, not here, where the path is any list's.
    queryFn: () =>
      (api.GET as (path: P, init: object) => Promise<Page<PagedItem<P>>>)(path, {
        params: { query: params },
      }),
    placeholderData: keepPreviousData,
  });
  const setSearch = (value: string) => {
    setSearchValue(value);
    setPage(1);
  };
  const filtered = Object.values(filters).some((value) => value !== undefined && value !== "");
  return { query, page, setPage, search, setSearch, q, filtered };
}

/** The API's paged lists: the paths whose GET answers a page of items. */
export type PagedPath = {
  [P in ApiPath<"get">]: ApiData<"get", P> extends { items: { id: string | number }[]; total: number }
    ? P
    : never;
}[ApiPath<"get">];

/** One item of a paged list. */
export type PagedItem<P extends PagedPath> = ApiData<"get", P> extends Page<infer T> ? T : never;

export type PagedList<T> = {
  query: UseQueryResult<Page<T>>;
  page: number;
  setPage: (page: number) => void;
  search: string;
  setSearch: (search: string) => void;
  q: string;
  filtered: boolean;
};
