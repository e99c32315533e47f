import { Center, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/forms.js";

type Props<T> = {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  /** What to say when nothing is waiting. */
  empty: string;
  query: UseQueryResult<{ items: T[] }>;
  minWidth: number;
  /** The table's head row. */
  head: ReactNode;
  /** One table row per waiting item. */
  row: (item: T) => ReactNode;
  /** The dialog open on an item, if any. */
  children?: ReactNode;
};

/** A queue of things waiting for management (vehicles, change requests): loading, error, empty or a table. */
export function QueueSection<T>({ id, title, empty, query, minWidth, head, row, children }: Props<T>) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isPending) {
    body = (
      <Center py="lg">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (query.isError) {
    body = <FormError error={query.error} />;
  } else if (query.data.items.length === 0) {
    body = (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={minWidth}>
        <Table aria-label={title} striped verticalSpacing="sm">
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>{query.data.items.map(row)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
          {query.data && query.data.items.length > 0 && ` (${query.data.items.length})`}
        </Title>
        {body}
      </Stack>
      {children}
    </Paper>
  );
}
