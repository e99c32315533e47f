import {
  Box,
  Button,
  Center,
  Drawer,
  EmptyState,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { Fact } from "../../components/Fact.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { IconReceipt } from "../../components/icons.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDateTime, formatVnd } from "../../format.js";
import {
  periodFrom,
  periodText,
  SETTLEMENTS_PATH,
  type Statement,
  type StatementDetail,
} from "../../marketplace/marketplace.js";
import { PeriodSelect, StatementFigures, StatementLines } from "../../marketplace/StatementView.js";

/** Records the month's payout to the partner with the bank's reference; its figures are then kept as paid. */
function PayoutForm({ statement }: { statement: StatementDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reference: "" }, validate: { reference: required } });
  const pay = useMutation({
    mutationFn: (v: { reference: string }) =>
      api.POST("/partners/{id}/payouts", {
        params: { path: { id: statement.partnerId } },
        body: { period: statement.period, reference: v.reference.trim() },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [SETTLEMENTS_PATH] }),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => pay.mutate(v))} noValidate>
      <Stack gap="xs">
        <Text size="sm">
          {t("settlement.payoutHint", {
            amount: formatVnd(statement.net, i18n.language),
            period: periodText(t, statement.period),
          })}
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("settlement.reference")}
            description={t("settlement.referenceHint")}
            maxLength={60}
            style={{ flex: 1 }}
            miw={200}
            {...form.getInputProps("reference")}
          />
          <Button type="submit" loading={pay.isPending}>
            {t("settlement.recordPayout")}
          </Button>
        </Group>
        <FormError error={pay.error} />
      </Stack>
    </form>
  );
}

/** One partner's month: its payout account, the figures, each order, and the payout to record while open. */
function StatementDrawer({
  partnerId,
  partnerName,
  period,
  canPay,
  onClose,
}: {
  partnerId: string;
  partnerName: string;
  period: string;
  canPay: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const statement = useQuery({
    queryKey: [SETTLEMENTS_PATH, "partner", partnerId, period],
    queryFn: () =>
      api.GET("/partners/{id}/statement", { params: { path: { id: partnerId }, query: { period } } }),
  });
  const s = statement.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t("settlement.drawerTitle", { partner: partnerName, period: periodText(t, period) })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {statement.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : statement.isError ? (
        <FormError error={statement.error} />
      ) : s ? (
        <Stack gap="md">
          <Group gap="xs">
            <StatusBadge tone={s.status === "paid" ? "positive" : "waiting"}>
              {t(`settlement.statuses.${s.status}`)}
            </StatusBadge>
            {s.status === "paid" && s.paidAt && (
              <Text size="sm">
                {t("statement.paidOn", { time: formatDateTime(s.paidAt), reference: s.reference ?? "" })}
              </Text>
            )}
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="sm" m={0}>
            <Fact label={t("settlement.bank")}>{s.bankName ?? "—"}</Fact>
            <Fact label={t("settlement.accountNumber")}>{s.accountNumber}</Fact>
            <Fact label={t("settlement.accountName")}>{s.accountName}</Fact>
          </SimpleGrid>
          <StatementFigures statement={s} />
          <StatementLines statement={s} />
          {s.status === "open" && canPay && <PayoutForm statement={s} />}
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** The month's statements, a row per partner with orders delivered or a payout in it, and their sums. */
function StatementTable({ items, onOpen }: { items: Statement[]; onOpen: (s: Statement) => void }) {
  const { t, i18n } = useTranslation();
  const vnd = (amount: number) => formatVnd(amount, i18n.language);
  const sum = (f: (s: Statement) => number) => items.reduce((total, s) => total + f(s), 0);
  const money = (amount: number, strong = false) => (
    <Text
      size="sm"
      fw={strong ? 700 : undefined}
      c={amount < 0 ? "red.9" : undefined}
      style={{ whiteSpace: "nowrap" }}
    >
      {vnd(amount)}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table aria-label={t("settlement.tableLabel")} striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("marketDesk.partner")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.orders")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.gross")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.refunds")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.cashCollected")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.commission")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("statement.net")}
            </Table.Th>
            <Table.Th scope="col">{t("marketDesk.status")}</Table.Th>
            <Table.Th scope="col">{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr
              key={s.partnerId}
              tabIndex={0}
              style={{ cursor: "pointer" }}
              onClick={(event) => {
                if (!(event.target as HTMLElement).closest("button")) onOpen(s);
              }}
              onKeyDown={(event) => {
                if (event.target !== event.currentTarget || (event.key !== "Enter" && event.key !== " "))
                  return;
                event.preventDefault();
                onOpen(s);
              }}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {s.partnerName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{s.orders}</Table.Td>
              <Table.Td ta="right">{money(s.gross)}</Table.Td>
              <Table.Td ta="right">{money(s.refunds)}</Table.Td>
              <Table.Td ta="right">{money(s.cashCollected)}</Table.Td>
              <Table.Td ta="right">{money(s.commission)}</Table.Td>
              <Table.Td ta="right">{money(s.net, true)}</Table.Td>
              <Table.Td>
                <Box w="max-content">
                  <StatusBadge tone={s.status === "paid" ? "positive" : "waiting"}>
                    {t(`settlement.statuses.${s.status}`)}
                  </StatusBadge>
                </Box>
                {s.reference && (
                  <Text size="xs" c="dimmed">
                    {t("settlement.referenceOf", { reference: s.reference })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  aria-label={t("settlement.openNamed", { partner: s.partnerName })}
                  onClick={() => onOpen(s)}
                >
                  {t("marketDesk.open")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {items.length > 1 && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t("settlement.totals")}</Table.Th>
              <Table.Td ta="right">{sum((s) => s.orders)}</Table.Td>
              <Table.Td ta="right">{money(sum((s) => s.gross))}</Table.Td>
              <Table.Td ta="right">{money(sum((s) => s.refunds))}</Table.Td>
              <Table.Td ta="right">{money(sum((s) => s.cashCollected))}</Table.Td>
              <Table.Td ta="right">{money(sum((s) => s.commission))}</Table.Td>
              <Table.Td ta="right">
                {money(
                  sum((s) => s.net),
                  true,
                )}
              </Table.Td>
              <Table.Td />
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Đối soát (the company admin and the accountant): a month's statement per partner — last month at first, as a
 * month is settled once it has ended — with each partner's orders, the bank batch file of the payouts due, and
 * the payout recorded with the bank's reference.
 */
export function SettlementTab({ canPay }: { canPay: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => periodFrom(-1));
  const [open, setOpen] = useState<Statement | null>(null);
  const month = useQuery({
    queryKey: [SETTLEMENTS_PATH, period],
    queryFn: () => api.GET(SETTLEMENTS_PATH, { params: { query: { period } } }),
    placeholderData: keepPreviousData,
  });
  const due = (month.data?.items ?? []).some((s) => s.status === "open" && s.net > 0);
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("settlement.intro")}
      </Text>
      <Group align="flex-end" gap="sm" justify="space-between">
        <PeriodSelect label={t("statement.period")} value={period} onChange={setPeriod} />
        {canPay && due && (
          <Button
            component="a"
            variant="default"
            href={`/api/v1/settlements/payout.csv?period=${period}`}
            download
          >
            {t("settlement.payoutFile")}
          </Button>
        )}
      </Group>
      {month.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : month.isError ? (
        <FormError error={month.error} />
      ) : month.data.items.length === 0 ? (
        <EmptyState
          icon={<IconReceipt size={32} />}
          variant="light"
          title={t("settlement.empty", { period: periodText(t, period) })}
          description={t("settlement.emptyHint")}
          py="lg"
        />
      ) : (
        <>
          <StatementTable items={month.data.items} onOpen={setOpen} />
          <Text size="xs" c="dimmed">
            {t("statement.formula")}
          </Text>
        </>
      )}
      {open && (
        <StatementDrawer
          partnerId={open.partnerId}
          partnerName={open.partnerName}
          period={period}
          canPay={canPay}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
