import {
  Anchor,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Rating,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../api.js";
import { DetailField, TransferCard } from "../billing/TransferCard.js";
import { AttachmentPicker, PHOTO_TYPES, useUploads } from "../components/Attachments.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { IconCart } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDateTime, formatVnd } from "../format.js";
import {
  dayText,
  firstDeliveryDay,
  isOpen,
  ORDERS_PATH,
  type Order,
  openSlots,
  orderTone,
  SHOP_PATH,
  type Slot,
  STEPS,
  slotText,
  statusText,
  whenText,
} from "../marketplace/marketplace.js";
import { WindowFields } from "../marketplace/WindowFields.js";
import { MY_TICKETS_PATH, useTicket } from "../tickets/tickets.js";
import { useChosenUnitId } from "./units.js";

function OrderCard({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <UnstyledButton component={Link} to={`/app/orders/${order.id}`} display="block" w="100%">
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text fw={700}>{order.partnerName}</Text>
              <Text size="sm" lineClamp={2}>
                {order.lines.map((l) => t("orders.line", { quantity: l.quantity, name: l.name })).join(", ")}
              </Text>
              <Text size="xs" c="dimmed">
                {order.code} · {whenText(order.slotDate, order.slot)}
              </Text>
            </Stack>
            <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
              <StatusBadge tone={orderTone(order.status)}>{statusText(t, order.status)}</StatusBadge>
              <Text fw={700} style={{ whiteSpace: "nowrap" }}>
                {formatVnd(order.total, i18n.language)}
              </Text>
            </Stack>
          </Group>
        </Paper>
      </UnstyledButton>
    </li>
  );
}

/** Đơn hàng của tôi: the household's orders, the newest first. */
export function OrdersPage() {
  const { t } = useTranslation();
  const unitId = useChosenUnitId();
  const { query, page, setPage } = usePagedList(ORDERS_PATH, {}, undefined, { unitId });
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/services" size="sm">
        ← {t("services.title")}
      </Anchor>
      <PageHeader
        title={t("orders.title")}
        action={
          <Button component={Link} to="/app/shop">
            {t("orders.goShop")}
          </Button>
        }
      />
      <PagedItems
        query={query}
        page={page}
        onPage={setPage}
        label={t("orders.title")}
        empty={
          <EmptyState
            icon={<IconCart size={32} />}
            variant="light"
            title={t("orders.empty")}
            description={t("orders.emptyHint")}
            py="xl"
          />
        }
        item={(o) => <OrderCard key={o.id} order={o} />}
      />
    </Stack>
  );
}

/** The order's steps with their times; a cancelled order shows the steps it went through, then its end. */
function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const times = order.times;
  const at: Record<(typeof STEPS)[number], string | null> = {
    placed: times.placedAt,
    confirmed: times.confirmedAt,
    preparing: times.preparingAt,
    on_the_way: times.onTheWayAt,
    delivered: times.deliveredAt,
  };
  const ended = !isOpen(order.status) && order.status !== "delivered";
  const steps: { key: string; label: string; time: string | null }[] = STEPS.filter(
    (step) => !ended || at[step] !== null,
  ).map((step) => ({ key: step, label: t(`orders.steps.${step}`), time: at[step] }));
  if (times.cancelledAt)
    steps.push({ key: "cancelled", label: t("orders.steps.cancelled"), time: times.cancelledAt });
  if (times.refundedAt)
    steps.push({ key: "refunded", label: t("orders.steps.refunded"), time: times.refundedAt });
  const reached = ended ? steps.length - 1 : STEPS.indexOf(order.status as (typeof STEPS)[number]);
  return (
    <Timeline active={reached} bulletSize={16} lineWidth={2} aria-label={t("orders.progress")}>
      {steps.map((step, index) => (
        <Timeline.Item
          key={step.key}
          title={
            <Text size="sm" fw={index <= reached ? 700 : 400} c={index <= reached ? undefined : "dimmed"}>
              {step.label}
            </Text>
          }
        >
          {step.time && (
            <Text size="xs" c="dimmed">
              {formatDateTime(step.time)}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function CancelModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: "" }, validate: { reason: required } });
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) =>
      api.POST("/orders/{id}/cancel", {
        params: { path: { id: order.id } },
        body: { reason: v.reason.trim() },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [SHOP_PATH] }),
      ]);
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("orders.cancelTitle", { code: order.code })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => cancel.mutate(v))}
      submitLabel={t("orders.cancel")}
      pending={cancel.isPending}
      error={cancel.error}
      danger
    >
      {order.paymentStatus === "paid" && <Text size="sm">{t("orders.cancelPaidHint")}</Text>}
      <Textarea
        label={t("orders.cancelReason")}
        autosize
        minRows={2}
        maxLength={300}
        data-autofocus
        {...form.getInputProps("reason")}
      />
    </FormModal>
  );
}

function RepeatModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const firstDay = firstDeliveryDay();
  const form = useForm<{ slotDate: string; slot: Slot | "" }>({
    initialValues: { slotDate: firstDay, slot: openSlots(firstDay)[0] ?? "" },
    validate: { slot: (v) => (v ? null : t("shop.pickSlot")) },
  });
  const repeat = useMutation({
    mutationFn: (v: { slotDate: string; slot: Slot | "" }) =>
      api.POST("/orders/{id}/repeat", {
        params: { path: { id: order.id } },
        body: { slotDate: v.slotDate, slot: v.slot as Slot },
      }),
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [SHOP_PATH] }),
      ]);
      onClose();
      navigate(`/app/orders/${created.id}`);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("orders.repeatTitle", { code: order.code })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => repeat.mutate(v))}
      submitLabel={t("orders.repeat")}
      pending={repeat.isPending}
      error={repeat.error}
    >
      <Text size="sm" c="dimmed">
        {t("orders.repeatHint")}
      </Text>
      <WindowFields
        day={form.values.slotDate}
        slot={form.values.slot}
        onChange={(slotDate, slot) => form.setValues({ slotDate, slot })}
        dayError={form.errors.slotDate}
        slotError={form.errors.slot}
      />
    </FormModal>
  );
}

const COMPLAINT_MIN = 10;

/** What went wrong with the order, with photos: it opens a ticket the management follows. */
function ComplaintModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const photos = useUploads("ticket");
  const form = useForm({
    initialValues: { description: "" },
    validate: {
      description: (v) => (v.trim().length >= COMPLAINT_MIN ? null : t("orders.complaintTooShort")),
    },
  });
  const complain = useMutation({
    mutationFn: (v: { description: string }) =>
      api.POST("/orders/{id}/complaint", {
        params: { path: { id: order.id } },
        body: { description: v.description.trim(), photos: photos.ids },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [MY_TICKETS_PATH] }),
      ]);
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("orders.complaintTitle", { code: order.code })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => complain.mutate(v))}
      submitLabel={t("orders.complaintSend")}
      pending={complain.isPending || photos.busy}
      error={complain.error}
    >
      <Text size="sm" c="dimmed">
        {t("orders.complaintHint")}
      </Text>
      <Textarea
        label={t("orders.complaintDescription")}
        description={t("orders.complaintDescriptionHint")}
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus
        {...form.getInputProps("description")}
      />
      <AttachmentPicker uploads={photos} accept={PHOTO_TYPES} label={t("orders.complaintAddPhoto")} max={4} />
    </FormModal>
  );
}

/** The complaint the household filed about the order: its ticket's number, linking to the ticket. */
function ComplaintFiled({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const ticket = useTicket(ticketId);
  return (
    <Text size="sm">
      <Anchor component={Link} to={`/app/tickets/${ticketId}`} underline="always">
        {ticket.data
          ? t("orders.complaintFiled", { number: ticket.data.number })
          : t("orders.complaintFiledPending")}
      </Anchor>
    </Text>
  );
}

function RateCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const rate = useMutation({
    mutationFn: () =>
      api.POST("/orders/{id}/rating", {
        params: { path: { id: order.id } },
        body: { rating, comment: comment.trim() },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] }),
  });
  return (
    <Paper component="section" withBorder p="md" radius="md" bg="teal.0" aria-labelledby="order-rate">
      <Stack gap="sm">
        <Title order={2} size="h4" id="order-rate">
          {t("orders.rateTitle")}
        </Title>
        <Rating
          value={rating}
          onChange={setRating}
          size="lg"
          aria-label={t("orders.stars")}
          getSymbolLabel={(value) => t("orders.star", { count: value })}
        />
        <Textarea
          label={t("orders.comment")}
          autosize
          minRows={2}
          maxLength={500}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <FormError error={rate.error} />
        <Group justify="flex-end">
          <Button disabled={rating === 0} loading={rate.isPending} onClick={() => rate.mutate()}>
            {t("orders.rate")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function OrderView({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<"cancel" | "repeat" | "complain" | null>(null);
  const vnd = (amount: number) => formatVnd(amount, i18n.language);
  const payment =
    order.paymentStatus === "paid" && order.times.paidAt
      ? t("orders.paidAt", { time: formatDateTime(order.times.paidAt) })
      : t(`market.paymentStatuses.${order.paymentStatus}`);
  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={1} size="h2">
            {t("orders.code", { code: order.code })}
          </Title>
          <StatusBadge tone={orderTone(order.status)}>{statusText(t, order.status)}</StatusBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {order.partnerName} · {t("household.unit", { code: order.unitCode })}
        </Text>
      </div>
      {order.deliveryCode && (
        <Paper withBorder p="md" radius="md" bg="blue.0" component="section" aria-labelledby="delivery-code">
          <Stack gap={4} align="center">
            <Text size="sm" fw={600} id="delivery-code">
              {t("orders.deliveryCode")}
            </Text>
            <Text fz={44} fw={800} ff="monospace" lh={1.1} style={{ letterSpacing: "0.2em" }}>
              {order.deliveryCode}
            </Text>
            <Text size="sm" ta="center">
              {t("orders.deliveryCodeHint")}
            </Text>
          </Stack>
        </Paper>
      )}
      {order.status === "cancelled" && order.cancelReason && (
        <Text size="sm">{t("orders.cancelledBecause", { reason: order.cancelReason })}</Text>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="order-progress">
        <Stack gap="sm">
          <Title order={2} size="h4" id="order-progress">
            {t("orders.progress")}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
            <DetailField
              label={t("orders.window")}
            >{`${dayText(t, order.slotDate)} · ${slotText(order.slot)}`}</DetailField>
            <DetailField label={t("orders.deliveryTo")}>
              {t(`market.deliveries.${order.delivery}`)}
            </DetailField>
            {order.note && <DetailField label={t("orders.note")}>{order.note}</DetailField>}
          </SimpleGrid>
          <OrderTimeline order={order} />
        </Stack>
      </Paper>
      {order.transfer && (
        <TransferCard
          transfer={order.transfer}
          code={order.code}
          title={t("orders.transferTitle")}
          memoHint={t("orders.memoHint")}
          id="order-transfer"
          qrSize={220}
        />
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="order-lines">
        <Stack gap="xs">
          <Title order={2} size="h4" id="order-lines">
            {t("orders.lines")}
          </Title>
          <Stack
            component="ul"
            gap={4}
            m={0}
            p={0}
            style={{ listStyle: "none" }}
            aria-labelledby="order-lines"
          >
            {order.lines.map((l) => (
              <Group key={l.itemId} component="li" justify="space-between" wrap="nowrap" gap="sm">
                <div>
                  <Text size="sm">{t("orders.line", { quantity: l.quantity, name: l.name })}</Text>
                  <Text size="xs" c="dimmed">
                    {t("orders.unitPrice", { price: vnd(l.unitPrice), vat: l.vatRate })}
                  </Text>
                </div>
                <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {vnd(l.amount)}
                </Text>
              </Group>
            ))}
          </Stack>
          <Group
            justify="space-between"
            pt="xs"
            style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
          >
            <Text fw={700}>{t("orders.total")}</Text>
            <Text fw={700} size="lg">
              {vnd(order.total)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ta="right">
            {t("orders.vatIncluded", { vat: vnd(order.vat) })}
          </Text>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
            <DetailField label={t("orders.payment")}>{t(`market.payments.${order.payment}`)}</DetailField>
            <DetailField label={t("orders.paymentStatus")}>{payment}</DetailField>
          </SimpleGrid>
        </Stack>
      </Paper>
      {order.can.rate && <RateCard order={order} />}
      {order.rating !== null && (
        <Text size="sm">
          {t("orders.rated", { rating: order.rating })}
          {order.ratingComment ? ` — “${order.ratingComment}”` : ""}
        </Text>
      )}
      {order.ticketId && <ComplaintFiled ticketId={order.ticketId} />}
      <Text size="sm">
        {t("orders.contact", { partner: order.partnerName })}{" "}
        <Anchor href={`tel:${order.partnerHotline.replace(/\s/g, "")}`} underline="always">
          {order.partnerHotline}
        </Anchor>
      </Text>
      <Group gap="sm" mb="md">
        <Button variant="light" onClick={() => setDialog("repeat")}>
          {t("orders.repeat")}
        </Button>
        {order.can.complain && (
          <Button variant="default" onClick={() => setDialog("complain")}>
            {t("orders.complain")}
          </Button>
        )}
        {order.can.cancel && (
          <Button variant="subtle" color="red" onClick={() => setDialog("cancel")}>
            {t("orders.cancel")}
          </Button>
        )}
      </Group>
      {dialog === "cancel" && <CancelModal order={order} onClose={() => setDialog(null)} />}
      {dialog === "complain" && <ComplaintModal order={order} onClose={() => setDialog(null)} />}
      {dialog === "repeat" && <RepeatModal order={order} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** One order: its delivery code while open, its steps, its lines and total, how to pay it, rating, repeat. */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const order = useQuery({
    queryKey: [ORDERS_PATH, id],
    queryFn: () => api.GET("/orders/{id}", { params: { path: { id } } }),
  });
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/orders" size="sm">
        ← {t("orders.title")}
      </Anchor>
      {order.isPending ? (
        <Center mih="40vh">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : order.isError ? (
        <FormError error={order.error} />
      ) : (
        <OrderView order={order.data} />
      )}
    </Stack>
  );
}
