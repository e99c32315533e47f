import {
  Box,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api.js";
import { Fact } from "../../components/Fact.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { IconCart } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime, formatVnd } from "../../format.js";
import {
  ORDERS_PATH,
  type Order,
  type OrderStatus,
  orderTone,
  statusText,
  whenText,
} from "../../marketplace/marketplace.js";
import { useBuildingFilter } from "../buildings/BuildingFilter.js";
import { ReasonModal } from "./ReasonModal.js";

const STATUSES: OrderStatus[] = [
  "placed",
  "confirmed",
  "preparing",
  "on_the_way",
  "delivered",
  "cancelled",
  "refunded",
];

/** Gives back what a household paid for a cancelled or delivered order, with the bank's or the receipt's reference. */
function RefundModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { reason: "", reference: "" },
    validate: { reason: required, reference: required },
  });
  const refund = useMutation({
    mutationFn: (v: { reason: string; reference: string }) =>
      api.POST("/orders/{id}/refund", {
        params: { path: { id: order.id } },
        body: { reason: v.reason.trim(), reference: v.reference.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("marketDesk.refundTitle", { code: order.code })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => refund.mutate(v))}
      submitLabel={t("marketDesk.refund")}
      pending={refund.isPending}
      error={refund.error}
      danger
    >
      <Text size="sm">
        {t("marketDesk.refundHint", { amount: formatVnd(order.total, i18n.language), unit: order.unitCode })}
      </Text>
      <Textarea
        label={t("marketDesk.refundReason")}
        autosize
        minRows={2}
        maxLength={300}
        data-autofocus
        {...form.getInputProps("reason")}
      />
      <TextInput
        label={t("marketDesk.refundReference")}
        description={t("marketDesk.refundReferenceHint")}
        maxLength={60}
        {...form.getInputProps("reference")}
      />
    </FormModal>
  );
}

type Dialog = { kind: "open" | "cancel" | "refund"; order: Order } | null;

/** An order in full: its lines and total, the window, each step's time, the payment; cancel and refund. */
function OrderDrawer({
  order,
  buildingName,
  onClose,
  onAct,
}: {
  order: Order;
  buildingName: string;
  onClose: () => void;
  onAct: (dialog: Dialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const vnd = (amount: number) => formatVnd(amount, i18n.language);
  const times: [string, string | null][] = [
    [t("orders.steps.placed"), order.times.placedAt],
    [t("orders.steps.confirmed"), order.times.confirmedAt],
    [t("orders.steps.preparing"), order.times.preparingAt],
    [t("orders.steps.on_the_way"), order.times.onTheWayAt],
    [t("orders.steps.delivered"), order.times.deliveredAt],
    [t("orders.steps.paid"), order.times.paidAt],
    [t("orders.steps.cancelled"), order.times.cancelledAt],
    [t("orders.steps.refunded"), order.times.refundedAt],
  ];
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t("marketDesk.orderTitle", { code: order.code, unit: order.unitCode })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Group gap="xs">
          <StatusBadge tone={orderTone(order.status)}>{statusText(t, order.status)}</StatusBadge>
          <Text size="sm">
            {t(`market.payments.${order.payment}`)} · {t(`market.paymentStatuses.${order.paymentStatus}`)}
          </Text>
        </Group>
        {order.cancelReason && (
          <Text size="sm">{t("orders.cancelledBecause", { reason: order.cancelReason })}</Text>
        )}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t("marketDesk.partner")}>
            {order.partnerName} · {order.partnerHotline}
          </Fact>
          <Fact label={t("marketDesk.unit")}>
            {order.unitCode}
            {buildingName ? ` · ${buildingName}` : ""}
          </Fact>
          <Fact label={t("orders.window")}>{whenText(order.slotDate, order.slot)}</Fact>
          <Fact label={t("orders.deliveryTo")}>{t(`market.deliveries.${order.delivery}`)}</Fact>
          {order.note && <Fact label={t("orders.note")}>{order.note}</Fact>}
          {order.rating !== null && (
            <Fact label={t("marketDesk.rating")}>
              {t("marketDesk.ratingOf", { rating: order.rating })}
              {order.ratingComment ? ` — “${order.ratingComment}”` : ""}
            </Fact>
          )}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t("orders.lines")}
        </Title>
        <Table aria-label={t("orders.lines")} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("marketDesk.item")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("marketDesk.quantity")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("marketDesk.unitPrice")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("marketDesk.amount")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((l) => (
              <Table.Tr key={l.itemId}>
                <Table.Td>
                  {l.name}
                  <Text size="xs" c="dimmed">
                    {t("marketDesk.vatOf", { rate: l.vatRate })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{vnd(l.unitPrice)}</Table.Td>
                <Table.Td ta="right">{vnd(l.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t("orders.vatIncluded", { vat: vnd(order.vat) })}
          </Text>
          <Text fw={700}>
            {t("orders.total")}: {vnd(order.total)}
          </Text>
        </Group>
        <Title order={3} size="h5">
          {t("marketDesk.times")}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" m={0}>
          {times
            .filter(([, at]) => at !== null)
            .map(([label, at]) => (
              <Fact key={label} label={label}>
                {formatDateTime(at as string)}
              </Fact>
            ))}
        </SimpleGrid>
        {(order.can.cancel || order.can.refund) && (
          <Group gap="xs">
            {order.can.refund && (
              <Button onClick={() => onAct({ kind: "refund", order })}>{t("marketDesk.refund")}</Button>
            )}
            {order.can.cancel && (
              <Button variant="default" color="red" onClick={() => onAct({ kind: "cancel", order })}>
                {t("orders.cancel")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}

/** The orders of the desk's buildings, the newest first, filtered by status and building. */
export function OrdersTab() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get("status") ?? "");
  const [dialog, setDialog] = useState<Dialog>(null);
  const { buildingId, filter, buildingName } = useBuildingFilter(t("marketDesk.building"));
  const list = usePagedList(ORDERS_PATH, {
    status: status || undefined,
    buildingId: buildingId || undefined,
  });
  const columns: Column<Order>[] = [
    {
      header: t("marketDesk.order"),
      cell: (o) => (
        <div>
          <Text size="sm" fw={600}>
            {o.code}
          </Text>
          <Text size="xs" c="dimmed">
            {t("marketDesk.placedAt", { time: formatDateTime(o.times.placedAt) })}
          </Text>
        </div>
      ),
    },
    { header: t("marketDesk.unit"), cell: (o) => o.unitCode },
    { header: t("marketDesk.partner"), cell: (o) => o.partnerName, visibleFrom: "md" },
    { header: t("orders.window"), cell: (o) => whenText(o.slotDate, o.slot) },
    {
      header: t("orders.total"),
      cell: (o) => (
        <div>
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            {formatVnd(o.total, i18n.language)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`market.payments.${o.payment}`)} · {t(`market.paymentStatuses.${o.paymentStatus}`)}
          </Text>
        </div>
      ),
    },
    {
      header: t("marketDesk.status"),
      cell: (o) => (
        <Box w="max-content">
          <StatusBadge tone={orderTone(o.status)}>{statusText(t, o.status)}</StatusBadge>
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (o) => (
        <Button
          size="xs"
          variant="light"
          aria-label={t("marketDesk.openOrder", { code: o.code })}
          onClick={() => setDialog({ kind: "open", order: o })}
        >
          {t("marketDesk.open")}
        </Button>
      ),
    },
  ];
  const close = () => setDialog(null);
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("marketDesk.ordersIntro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("marketDesk.tabs.orders")}
        minWidth={900}
        onOpen={(o) => setDialog({ kind: "open", order: o })}
        filters={
          <Group gap="sm" align="flex-end">
            {filter}
            <NativeSelect
              label={t("marketDesk.status")}
              data={[
                { value: "", label: t("common.all") },
                ...STATUSES.map((s) => ({ value: s, label: statusText(t, s) })),
              ]}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              w={{ base: "100%", xs: 200 }}
            />
          </Group>
        }
        empty={
          <EmptyState
            icon={<IconCart size={32} />}
            variant="light"
            title={t("marketDesk.noOrders")}
            description={t("marketDesk.noOrdersHint")}
            py="lg"
          />
        }
      />
      {dialog?.kind === "open" && (
        <OrderDrawer
          order={dialog.order}
          buildingName={buildingName(dialog.order.buildingId)}
          onClose={close}
          onAct={setDialog}
        />
      )}
      {dialog?.kind === "refund" && <RefundModal order={dialog.order} onClose={close} />}
      {dialog?.kind === "cancel" && (
        <ReasonModal
          title={t("orders.cancelTitle", { code: dialog.order.code })}
          label={t("orders.cancelReason")}
          description={t("marketDesk.cancelHint")}
          submitLabel={t("orders.cancel")}
          onClose={close}
          send={async (reason) => {
            await api.POST("/orders/{id}/cancel", {
              params: { path: { id: dialog.order.id } },
              body: { reason },
            });
            await queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] });
          }}
        />
      )}
    </Stack>
  );
}
