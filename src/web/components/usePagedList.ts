import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Page } from "../../contracts/index.js";
import { api } from "../api.js";

const PAGE_SIZE = 20;

/**
 * One server-paginated, searchable list. Its query key starts with the API path, so
 * invalidating that path refreshes every page of it.
 */
export function usePagedList<T>(path: string) {
  const [page, setPage] = useState(1);
  const [search, setSearchValue] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useQuery({
    queryKey: [path, { page, pageSize: PAGE_SIZE, q }],
    queryFn: () => api.get<Page<T>>(path, { page, pageSize: PAGE_SIZE, q }),
    placeholderData: keepPreviousData,
  });
  const setSearch = (value: string) => {
    setSearchValue(value);
    setPage(1);
  };
  return { query, page, setPage, search, setSearch, q };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
