import {
  ActionIcon,
  Button,
  Checkbox,
  EmptyState,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AMENITIES_PATH,
  addDays,
  BOOKING_STATUSES,
  BOOKINGS_PATH,
  type Booking,
  depositStatusText,
  timeRange,
} from "../../amenities/amenities.js";
import { BookingStatusBadge } from "../../amenities/parts.js";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, showFieldErrors } from "../../components/forms.js";
import { IconCalendar } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDate, formatDay, formatTime, formatVnd, parseDay, today } from "../../format.js";

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [BOOKINGS_PATH] }),
      queryClient.invalidateQueries({ queryKey: [AMENITIES_PATH] }),
    ]);
}

/** The desk cancels a booking (the household pays nothing, the deposit comes back), with a reason it is told. */
function CancelModal({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm({ initialValues: { reason: "" } });
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) =>
      api.POST("/bookings/{id}/cancel", {
        params: { path: { id: booking.id } },
        body: { reason: v.reason.trim() || undefined },
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("amenityDesk.cancelTitle", { unit: booking.unitCode })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => cancel.mutate(v))}
      submitLabel={t("amenityDesk.cancelConfirm")}
      pending={cancel.isPending}
      error={cancel.error}
      danger
    >
      <Text>
        {booking.amenityName} · {formatDate(booking.startsAt)} {timeRange(booking.startsAt, booking.endsAt)}
      </Text>
      <Text size="sm">{t("amenityDesk.cancelHint")}</Text>
      <Textarea
        label={t("amenityDesk.cancelReason")}
        autosize
        minRows={2}
        maxLength={300}
        data-autofocus
        {...form.getInputProps("reason")}
      />
    </FormModal>
  );
}

type DepositValues = { outcome: "refund" | "keep"; reason: string };

/** After the slot: the deposit back to the household (a credit on its next notice) or kept, with a reason. */
function DepositModal({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<DepositValues>({
    initialValues: { outcome: "refund", reason: "" },
    validate: {
      reason: (value, values) =>
        values.outcome === "keep" && value.trim().length < 3 ? t("amenityDesk.keepReasonRequired") : null,
    },
  });
  const settle = useMutation({
    mutationFn: (v: DepositValues) =>
      api.POST("/bookings/{id}/deposit", {
        params: { path: { id: booking.id } },
        body: v.outcome === "refund" ? { outcome: "refund" } : { outcome: "keep", reason: v.reason.trim() },
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("amenityDesk.depositTitle", { unit: booking.unitCode })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => settle.mutate(v))}
      submitLabel={t("amenityDesk.depositConfirm")}
      pending={settle.isPending}
      error={settle.error}
    >
      <Text>
        {booking.amenityName} · {formatDate(booking.startsAt)} {timeRange(booking.startsAt, booking.endsAt)} ·{" "}
        {t("amenityDesk.depositAmount", { amount: formatVnd(booking.deposit, i18n.language) })}
      </Text>
      <Radio.Group label={t("amenityDesk.depositOutcome")} {...form.getInputProps("outcome")}>
        <Stack gap="xs" mt={6}>
          <Radio value="refund" label={t("amenityDesk.refund")} description={t("amenityDesk.refundHint")} />
          <Radio value="keep" label={t("amenityDesk.keep")} description={t("amenityDesk.keepHint")} />
        </Stack>
      </Radio.Group>
      {form.values.outcome === "keep" && (
        <Textarea
          label={t("amenityDesk.keepReason")}
          autosize
          minRows={2}
          maxLength={300}
          withAsterisk
          {...form.getInputProps("reason")}
        />
      )}
    </FormModal>
  );
}

/** A day of the bookings, typed dd/MM/yyyy, with a step to the day before and after. */
function DayField({
  text,
  onChange,
  disabled,
}: {
  text: string;
  onChange: (text: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const day = parseDay(text);
  const step = (days: number) => onChange(formatDay(addDays(day || today(), days)));
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t("amenityDesk.dayBefore")}
        onClick={() => step(-1)}
        disabled={disabled}
      >
        ‹
      </ActionIcon>
      <TextInput
        label={t("amenityDesk.day")}
        placeholder={t("validation.dayPlaceholder")}
        inputMode="numeric"
        value={text}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={day === null && t("validation.day")}
        disabled={disabled}
        w={130}
      />
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t("amenityDesk.dayAfter")}
        onClick={() => step(1)}
        disabled={disabled}
      >
        ›
      </ActionIcon>
      <Button variant="subtle" size="sm" onClick={() => onChange(formatDay(today()))} disabled={disabled}>
        {t("amenities.today")}
      </Button>
    </Group>
  );
}

type Dialog = { kind: "cancel" | "deposit"; booking: Booking } | null;

/**
 * Lượt đặt: a day's bookings of the buildings the desk covers (or the deposits still to settle), found by unit;
 * the desk lets a household in, cancels, and settles a deposit once the slot is over.
 */
export function BookingsTab({
  buildingId,
  buildingFilter,
}: {
  buildingId: string;
  buildingFilter: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const refresh = useRefresh();
  const [dayText, setDayText] = useState(() => formatDay(today()));
  const day = parseDay(dayText);
  const [amenityId, setAmenityId] = useState("");
  const [status, setStatus] = useState("");
  const [held, setHeld] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const amenityQuery = { page: 1, pageSize: 100, buildingId: buildingId || undefined };
  const amenities = useQuery({
    queryKey: [AMENITIES_PATH, amenityQuery],
    queryFn: () => api.GET(AMENITIES_PATH, { params: { query: amenityQuery } }),
  });
  // The day (or the deposits to settle) is what the tab shows: an empty one says there is nothing, not "no match".
  const list = usePagedList(
    BOOKINGS_PATH,
    { amenityId: amenityId || undefined, status: status || undefined },
    undefined,
    {
      buildingId: buildingId || undefined,
      date: held ? undefined : day || undefined,
      depositHeld: held ? "true" : undefined,
    },
  );
  const checkIn = useMutation({
    mutationFn: (id: string) => api.POST("/bookings/{id}/check-in", { params: { path: { id } } }),
    onSuccess: refresh,
  });
  // Reception lets a booking in from 30 minutes before its start until its end (the server holds the rule).
  const checkInOpen = (b: Booking) =>
    Date.now() >= Date.parse(b.startsAt) - 30 * 60_000 && Date.now() < Date.parse(b.endsAt);
  const settleable = (b: Booking) =>
    b.can.settleDeposit && b.depositStatus === "held" && Date.parse(b.endsAt) <= Date.now();
  const columns: Column<Booking>[] = [
    {
      header: t("amenityDesk.time"),
      cell: (b) => (
        <Stack gap={0}>
          <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
            {timeRange(b.startsAt, b.endsAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(b.startsAt)}
          </Text>
        </Stack>
      ),
    },
    { header: t("amenityDesk.amenity"), cell: (b) => b.amenityName },
    {
      header: t("amenityDesk.unit"),
      cell: (b) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {b.unitCode}
          </Text>
          <Text size="xs" c="dimmed">
            {t("guests.people", { count: b.guests })}
          </Text>
        </Stack>
      ),
    },
    {
      header: t("amenityDesk.status"),
      cell: (b) => (
        <Stack gap={2} align="flex-start">
          <BookingStatusBadge status={b.status} />
          {b.checkedInAt && (
            <Text size="xs">{t("bookings.checkedInAt", { time: formatTime(b.checkedInAt) })}</Text>
          )}
          {b.cancelReason && (
            <Text size="xs" c="dimmed">
              {t("bookings.cancelReason", { reason: b.cancelReason })}
            </Text>
          )}
          {b.note && (
            <Text size="xs" c="dimmed">
              {b.note}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      header: t("amenityDesk.charges"),
      cell: (b) => (
        <Stack gap={0}>
          <Text size="sm">{b.fee ? formatVnd(b.fee, lang) : t("amenities.free")}</Text>
          {b.deposit > 0 && (
            <Text size="xs" c="dimmed">
              {depositStatusText(t, lang, b) ??
                t("amenities.deposit", { amount: formatVnd(b.deposit, lang) })}
            </Text>
          )}
        </Stack>
      ),
      visibleFrom: "md",
    },
    {
      header: t("amenityDesk.code"),
      cell: (b) => (
        <Text size="sm" ff="monospace">
          {b.code}
        </Text>
      ),
      visibleFrom: "lg",
    },
    {
      header: t("common.actions"),
      cell: (b) => (
        <Group gap={4} wrap="nowrap">
          {b.can.checkIn && checkInOpen(b) && (
            <Button
              size="xs"
              loading={checkIn.isPending && checkIn.variables === b.id}
              onClick={() => checkIn.mutate(b.id)}
            >
              {t("amenityDesk.checkIn")}
            </Button>
          )}
          {settleable(b) && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: "deposit", booking: b })}>
              {t("amenityDesk.settle")}
            </Button>
          )}
          {b.can.cancel && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setDialog({ kind: "cancel", booking: b })}
            >
              {t("amenityDesk.cancel")}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <FormError error={checkIn.error} />
      <PagedTable
        list={list}
        columns={columns}
        label={t("amenityDesk.bookingsLabel")}
        searchLabel={t("amenityDesk.searchUnit")}
        minWidth={760}
        filters={
          <Group gap="sm" align="flex-end">
            {buildingFilter}
            <DayField text={dayText} onChange={setDayText} disabled={held} />
            <NativeSelect
              label={t("amenityDesk.amenity")}
              data={[
                { value: "", label: t("common.all") },
                ...(amenities.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
              value={amenityId}
              onChange={(e) => setAmenityId(e.currentTarget.value)}
              w={{ base: "100%", xs: 220 }}
            />
            <NativeSelect
              label={t("amenityDesk.status")}
              data={[
                { value: "", label: t("common.all") },
                ...BOOKING_STATUSES.map((s) => ({ value: s, label: t(`bookings.statuses.${s}`) })),
              ]}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              w={{ base: "100%", xs: 170 }}
            />
            <Checkbox
              label={t("amenityDesk.depositHeld")}
              checked={held}
              onChange={(e) => setHeld(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
        }
        empty={
          <EmptyState
            icon={<IconCalendar size={32} />}
            variant="light"
            title={
              held
                ? t("amenityDesk.noDeposits")
                : day
                  ? t("amenityDesk.noBookingsOn", { day: formatDay(day) })
                  : t("amenityDesk.noBookings")
            }
            description={held ? undefined : t("amenityDesk.noBookingsHint")}
            py="lg"
          />
        }
      />
      {list.query.data?.items.some((b) => b.status === "booked") && (
        <Text size="xs" c="dimmed">
          {t("amenityDesk.checkInHint")}
        </Text>
      )}
      {dialog?.kind === "cancel" && <CancelModal booking={dialog.booking} onClose={() => setDialog(null)} />}
      {dialog?.kind === "deposit" && (
        <DepositModal booking={dialog.booking} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
