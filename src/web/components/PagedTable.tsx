import {
  Center,
  Group,
  Loader,
  type MantineBreakpoint,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "./forms.js";
import { PageNav } from "./PageNav.js";
import type { PagedList } from "./usePagedList.js";

/**
 * A column; with `sortKey` its header sorts the list by that key (`key` ascending, `-key` descending); with
 * `visibleFrom` it is shown only from that screen width up (what it holds must be reachable otherwise, e.g. in
 * a row's detail).
 */
export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  sortKey?: string;
  visibleFrom?: MantineBreakpoint;
};

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
  /** Filters shown beside the search box. */
  filters?: ReactNode;
  /** The current sort, e.g. `code` or `-area`, and how to change it; for columns with a `sortKey`. */
  sort?: string;
  onSortChange?: (sort: string) => void;
  /**
   * Opens a row's detail (a drawer or page): the whole row is clickable, and focusable with Enter or Space;
   * clicks on the row's own buttons and links stay theirs (keep one link or button in the row that opens it
   * too, for screen readers, which announce a row by its cells).
   */
  onOpen?: (row: T) => void;
};

/** Whether a click or key press inside a row was meant for one of its own controls. */
const onControl = (target: EventTarget, row: HTMLElement) => {
  const control = (target as HTMLElement).closest("a, button, input, select, textarea, label, [role=button]");
  return control !== null && control !== row && row.contains(control);
};

/** A column header that sorts: ascending first, then descending; aria-sort tells which. */
function SortHeader({
  header,
  sortKey,
  sort,
  onSortChange,
}: {
  header: string;
  sortKey: string;
  sort?: string;
  onSortChange: (sort: string) => void;
}) {
  const ascending = sort === sortKey;
  const descending = sort === `-${sortKey}`;
  return (
    <Table.Th scope="col" aria-sort={ascending ? "ascending" : descending ? "descending" : undefined}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => onSortChange(ascending ? `-${sortKey}` : sortKey)}
        style={{ whiteSpace: "nowrap" }}
      >
        {header}
        <Text span aria-hidden="true" ml={4} c={ascending || descending ? undefined : "dimmed"}>
          {ascending ? "↑" : descending ? "↓" : "↕"}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A server-paginated table with an optional search box, loading, error and empty states. */
export function PagedTable<T extends { id: string | number }>({
  list,
  columns,
  label,
  searchLabel,
  empty,
  minWidth = 720,
  filters,
  sort,
  onSortChange,
  onOpen,
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
    body =
      q || list.filtered ? (
        <Text c="dimmed" ta="center" py="lg">
          {q ? t("common.noResults", { q }) : t("common.noMatches")}
        </Text>
      ) : (
        empty
      );
  } else {
    const { items, total, pageSize } = query.data;
    body = (
      <>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table
            aria-label={label}
            striped
            highlightOnHover
            verticalSpacing="sm"
            // The rows of the previous page or search stay readable (dimming them failed AA contrast) while
            // the next ones load: the table says it is busy, and a loader stands beside the count.
            aria-busy={query.isPlaceholderData || undefined}
          >
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) =>
                  column.sortKey && onSortChange ? (
                    <SortHeader
                      key={column.header}
                      header={column.header}
                      sortKey={column.sortKey}
                      sort={sort}
                      onSortChange={onSortChange}
                    />
                  ) : (
                    <Table.Th key={column.header} scope="col" visibleFrom={column.visibleFrom}>
                      {column.header}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr
                  key={row.id}
                  {...(onOpen && {
                    tabIndex: 0,
                    style: { cursor: "pointer" },
                    onClick: (event: React.MouseEvent<HTMLTableRowElement>) => {
                      if (!onControl(event.target, event.currentTarget)) onOpen(row);
                    },
                    onKeyDown: (event: React.KeyboardEvent<HTMLTableRowElement>) => {
                      if (event.target !== event.currentTarget) return;
                      if (event.key !== "Enter" && event.key !== " ") return;
                      event.preventDefault();
                      onOpen(row);
                    },
                  })}
                >
                  {columns.map((column) => (
                    <Table.Td key={column.header} visibleFrom={column.visibleFrom}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {/* A list whose count stops short (the resident list's "more than 1,000") says so. */}
              {"totalCapped" in query.data && query.data.totalCapped
                ? t("common.totalMore", { count: total })
                : t("common.total", { count: total })}
            </Text>
            {query.isPlaceholderData && <Loader size="xs" aria-label={t("common.loading")} />}
          </Group>
          <PageNav total={total} pageSize={pageSize} page={page} onChange={setPage} />
        </Group>
      </>
    );
  }

  return (
    <Stack>
      {(searchLabel || filters) && (
        <Group align="flex-end" gap="sm">
          {searchLabel && (
            <TextInput
              type="search"
              label={searchLabel}
              value={list.search}
              onChange={(event) => list.setSearch(event.currentTarget.value)}
              w={filters ? { base: "100%", xs: 240 } : undefined}
              maw={filters ? undefined : 360}
              style={filters ? undefined : { flex: 1 }}
            />
          )}
          {filters}
        </Group>
      )}
      {body}
    </Stack>
  );
}
