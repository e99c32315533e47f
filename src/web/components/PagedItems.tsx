import { Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../contracts/index.js";
import { FormError } from "./forms.js";
import { ItemList } from "./ItemList.js";
import { PageNav } from "./PageNav.js";

/**
 * A page of a server list as cards on a phone: a loader, the error, `empty` when there is nothing, or the
 * items (`item` draws each as a list item) with the page navigation.
 */
export function PagedItems<T>({
  query,
  page,
  onPage,
  label,
  empty,
  item,
}: {
  query: UseQueryResult<Page<T>>;
  page: number;
  onPage: (page: number) => void;
  label: string;
  empty: ReactNode;
  item: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  if (query.isError) return <FormError error={query.error} />;
  if (query.data.items.length === 0) return empty;
  return (
    <>
      <ItemList label={label}>{query.data.items.map(item)}</ItemList>
      <PageNav total={query.data.total} pageSize={query.data.pageSize} page={page} onChange={onPage} />
    </>
  );
}
