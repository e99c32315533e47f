import { Badge, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Fact } from "../components/Fact.js";
import { formatDateTime, formatTime, formatVnd } from "../format.js";
import { periodText, type Statement, type StatementDetail, statementPeriods } from "./marketplace.js";

/** The month a statement is about: this one and the twelve before it. */
export function PeriodSelect({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (period: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      data={statementPeriods().map((p) => ({ value: p, label: periodText(t, p) }))}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: "100%", xs: 200 }}
    />
  );
}

/** A month's figures for one partner, and how the net is reached from them. */
export function StatementFigures({ statement }: { statement: Statement }) {
  const { t, i18n } = useTranslation();
  const vnd = (amount: number) => formatVnd(amount, i18n.language);
  return (
    <Stack gap={6}>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Fact label={t("statement.orders")}>{statement.orders}</Fact>
        <Fact label={t("statement.gross")}>{vnd(statement.gross)}</Fact>
        <Fact label={t("statement.refunds")}>{vnd(statement.refunds)}</Fact>
        <Fact label={t("statement.cashCollected")}>{vnd(statement.cashCollected)}</Fact>
        <Fact label={t("statement.commission")}>{vnd(statement.commission)}</Fact>
        <Fact label={t("statement.net")}>
          <Text span fw={800} c={statement.net < 0 ? "red.9" : undefined}>
            {vnd(statement.net)}
          </Text>
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t("statement.formula")}
      </Text>
      {statement.net < 0 && (
        <Text size="sm" c="red.9">
          {t("statement.owed")}
        </Text>
      )}
    </Stack>
  );
}

/** The orders a statement counts, each with its payment and the commission it bears (none once refunded). */
export function StatementLines({ statement }: { statement: StatementDetail }) {
  const { t, i18n } = useTranslation();
  const vnd = (amount: number) => formatVnd(amount, i18n.language);
  const headingId = `statement-lines-${statement.partnerId}`;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id={headingId}>
        {t("statement.lines")}
      </Title>
      {statement.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("statement.noLines")}
        </Text>
      ) : (
        <Table aria-labelledby={headingId} verticalSpacing={6} horizontalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("statement.order")}</Table.Th>
              <Table.Th scope="col">{t("statement.deliveredAt")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("statement.total")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("statement.commission")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statement.lines.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {l.code}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`statement.payments.${l.payment}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {/* The month is the statement's: the day and the time say when. */}
                  <Text size="sm">
                    {formatDateTime(l.deliveredAt).slice(0, 5)} {formatTime(l.deliveredAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {vnd(l.total)}
                  </Text>
                  {l.refunded && (
                    <Badge color="gray.7" variant="filled" tt="none" radius="sm" size="sm">
                      {t("statement.refunded")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {vnd(l.commission)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
