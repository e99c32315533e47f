import {
  Anchor,
  Center,
  Drawer,
  EmptyState,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { useBillingWords } from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { IconReceipt } from "../../components/icons.js";
import { PageNav } from "../../components/PageNav.js";
import { formatDate, formatDay } from "../../format.js";
import { DEBTS_PATH, type DebtRow, statementPath } from "./collection.js";
import { Section } from "./Section.js";
import { BillingPage, type BillingScope } from "./scope.js";

const PAGE_SIZE = 20;
const BUCKETS = ["notDue", "d0to30", "d31to60", "d61to90", "over90"] as const;

function Money({ value }: { value: number }) {
  const words = useBillingWords();
  return (
    <Text span size="sm" c={value === 0 ? "dimmed" : undefined} style={{ whiteSpace: "nowrap" }}>
      {value === 0 ? "—" : words.vnd(value)}
    </Text>
  );
}

/** What a unit was charged and paid, in order, with the balance after each. */
function StatementDrawer({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const statement = useQuery({
    queryKey: [statementPath(unitId)],
    queryFn: () => api.GET("/units/{id}/statement", { params: { path: { id: unitId } } }),
  });
  const data = statement.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={data ? t("billing.debts.statementTitle", { unit: data.unitCode }) : t("common.loading")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      {statement.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : statement.isError ? (
        <FormError error={statement.error} />
      ) : (
        <Stack gap="md">
          <Paper withBorder p="md" radius="md" bg={statement.data.balance > 0 ? "blue.0" : undefined}>
            <Text size="sm" c="dimmed">
              {t("billing.debts.balanceNow")}
            </Text>
            <Text fz={28} fw={700}>
              {words.vnd(Math.max(statement.data.balance, 0))}
            </Text>
            {statement.data.balance < 0 && (
              <Text size="sm">
                {t("billing.debts.creditNote", { amount: words.vnd(-statement.data.balance) })}
              </Text>
            )}
          </Paper>
          {statement.data.lines.length === 0 ? (
            <Text size="sm">{t("billing.debts.statementEmpty")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table
                striped
                withTableBorder
                aria-label={t("billing.debts.statementTable", { unit: statement.data.unitCode })}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("billing.debts.at")}</Table.Th>
                    <Table.Th scope="col">{t("billing.debts.reference")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.debit")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.credit")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.runningBalance")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {statement.data.lines.map((line, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the statement is read whole; a reference may repeat
                    <Table.Tr key={index}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {line.at.length === 10 ? formatDay(line.at) : formatDate(line.at)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`billing.debts.kinds.${line.kind}`)}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {line.reference}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money value={line.debit} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money value={line.credit} />
                      </Table.Td>
                      <Table.Td ta="right" fw={600} style={{ whiteSpace: "nowrap" }}>
                        {words.vnd(line.balance)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Debts({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const [page, setPage] = useState(1);
  const params = { buildingId: scope.building.id, page, pageSize: PAGE_SIZE };
  const debts = useQuery({
    queryKey: [DEBTS_PATH, params],
    queryFn: () => api.GET(DEBTS_PATH, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
  const unitId = scope.params.get("unit");
  const open = (row: DebtRow) => scope.setParam("unit", row.unitId);

  if (debts.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (debts.isError) return <FormError error={debts.error} />;
  const data = debts.data;
  return (
    <>
      <Section id="debt-totals" title={t("billing.debts.totals")}>
        <Text size="sm" c="dimmed">
          {t("billing.debts.asOf", { date: formatDay(data.asOf) })}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" m={0}>
          {[...BUCKETS, "balance" as const].map((bucket) => (
            <div key={bucket}>
              <Text component="dt" size="sm" c="dimmed">
                {bucket === "balance" ? t("billing.debts.total") : t(`billing.debts.${bucket}`)}
              </Text>
              <Text
                component="dd"
                m={0}
                fw={700}
                size="lg"
                c={bucket === "over90" && data.totals.over90 > 0 ? "red.9" : undefined}
                style={{ whiteSpace: "nowrap" }}
              >
                {words.vnd(data.totals[bucket])}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Section>
      <Section id="debt-units" title={t("billing.debts.table")}>
        {data.units.total === 0 ? (
          <EmptyState
            icon={<IconReceipt size={32} />}
            variant="light"
            title={t("billing.debts.emptyTitle")}
            description={t("billing.debts.empty")}
            py="lg"
          />
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover aria-label={t("billing.debts.table")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("billing.unit")}</Table.Th>
                    <Table.Th scope="col">{t("billing.billTo")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.notDue")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.colD0to30")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.d31to60")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.d61to90")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.colOver90")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("billing.debts.total")}
                    </Table.Th>
                    <Table.Th scope="col">{t("billing.debts.oldestDueOn")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.units.items.map((row) => (
                    <Table.Tr key={row.unitId}>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => open(row)}
                          aria-label={t("billing.debts.openStatement", { unit: row.unitCode })}
                        >
                          {row.unitCode}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{row.billTo ?? "—"}</Table.Td>
                      {BUCKETS.map((bucket) => (
                        <Table.Td key={bucket} ta="right">
                          <Money value={row[bucket]} />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={700} style={{ whiteSpace: "nowrap" }}>
                        {words.vnd(row.balance)}
                      </Table.Td>
                      <Table.Td>{formatDay(row.oldestDueOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PageNav total={data.units.total} pageSize={data.units.pageSize} page={page} onChange={setPage} />
          </Stack>
        )}
      </Section>
      {unitId && <StatementDrawer unitId={unitId} onClose={() => scope.setParam("unit", null)} />}
    </>
  );
}

/** Công nợ: what the building is owed by age of the debt, per unit, each unit's statement a click away. */
export default function DebtsPage() {
  const { t } = useTranslation();
  return <BillingPage title={t("billing.debts.title")}>{(scope) => <Debts scope={scope} />}</BillingPage>;
}
