import { Center, Group, Loader, Pagination, Stack, Table, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "./forms.js";
import type { PagedList } from "./usePagedList.js";

export type Column<T> = { header: string; cell: (row: T) => ReactNode };

type Props<T> = {
  list: PagedList<T>;
  columns: Column<T>[];
  /** The table's accessible name. */
  label: string;
  /** Label of the search box; no search box without it. */
  searchLabel?: string;
  /** What to show, and what to do next, when there is nothing yet. */
  empty: ReactNode;
  minWidth?: number;
};

/** A server-paginated table with an optional search box, loading, error and empty states. */
export function PagedTable<T extends { id: string }>({
  list,
  columns,
  label,
  searchLabel,
  empty,
  minWidth = 720,
}: Props<T>) {
  const { t } = useTranslation();
  const { query, page, setPage, q } = list;

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (query.isError) {
    body = <FormError error={query.error} />;
  } else if (query.data.items.length === 0) {
    body = q ? (
      <Text c="dimmed" ta="center" py="lg">
        {t("common.noResults", { q })}
      </Text>
    ) : (
      empty
    );
  } else {
    const { items, total, pageSize } = query.data;
    const pages = Math.ceil(total / pageSize);
    body = (
      <>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table
            aria-label={label}
            striped
            highlightOnHover
            verticalSpacing="sm"
            opacity={query.isPlaceholderData ? 0.6 : 1}
          >
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header} scope="col">
                    {column.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.id}>
                  {columns.map((column) => (
                    <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t("common.total", { count: total })}
          </Text>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getItemProps={(item) => ({ "aria-label": t("common.page", { page: item }) })}
              getControlProps={(control) => ({ "aria-label": t(`common.pageControl.${control}`) })}
            />
          )}
        </Group>
      </>
    );
  }

  return (
    <Stack>
      {searchLabel && (
        <TextInput
          type="search"
          label={searchLabel}
          value={list.search}
          onChange={(event) => list.setSearch(event.currentTarget.value)}
          maw={360}
        />
      )}
      {body}
    </Stack>
  );
}
