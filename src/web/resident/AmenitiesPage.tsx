import {
  Alert,
  Anchor,
  Button,
  Center,
  Chip,
  Collapse,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  AMENITIES_PATH,
  type Amenity,
  addDays,
  type Booking,
  depositStatusText,
  MY_BOOKINGS_PATH,
  priceText,
  SLOTS_PATH,
  type Slot,
  slotDay,
  slotText,
  summaryText,
  timeRange,
  vnDay,
  weekdayOf,
} from "../amenities/amenities.js";
import { BookingStatusBadge, KindIcon } from "../amenities/parts.js";
import { api } from "../api.js";
import { VietQr } from "../billing/VietQr.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { Fact } from "../components/Fact.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, showFieldErrors } from "../components/forms.js";
import { IconCalendar, IconTicket } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDate, formatDay, formatTime, formatVnd, today } from "../format.js";
import { useChosenUnit, useChosenUnitId } from "./units.js";

const HOUR_MS = 3600_000;

/** "18:00 20/12": the moment until which a cancellation gives the fee back. */
const shortMoment = (iso: string) => `${formatTime(iso)} ${formatDate(iso).slice(0, 5)}`;

function BackToServices() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/app/services" size="sm">
      ← {t("services.title")}
    </Anchor>
  );
}

/** The amenity's rules, shown on demand (a card stays short in the list). */
function Rules({ amenity }: { amenity: Amenity }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!amenity.rules) return null;
  const id = `rules-${amenity.id}`;
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        mt={6}
        px={0}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t("amenities.hideRules") : t("amenities.showRules")}
      </Button>
      <Collapse expanded={open} id={id}>
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-line" }}>
          {amenity.rules}
        </Text>
      </Collapse>
    </>
  );
}

function AmenityCard({ amenity }: { amenity: Amenity }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <UnstyledButton component={Link} to={`/app/amenities/${amenity.id}`} display="block" w="100%">
        <Group wrap="nowrap" gap="sm" align="flex-start">
          <ThemeIcon variant="light" size={44} radius="md">
            <KindIcon kind={amenity.kind} size={26} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text fw={700}>{amenity.name}</Text>
            <Text size="sm" c="dimmed">
              {summaryText(t, amenity)}
            </Text>
            <Text size="sm" fw={600}>
              {priceText(t, i18n.language, amenity)}
            </Text>
          </div>
        </Group>
      </UnstyledButton>
      <Rules amenity={amenity} />
    </Paper>
  );
}

/** Đặt tiện ích: the amenities of the household's building, each opening its days and slots. */
export function AmenitiesPage() {
  const { t } = useTranslation();
  const unitId = useChosenUnitId();
  const {
    query: list,
    page,
    setPage,
  } = usePagedList(AMENITIES_PATH, {}, undefined, unitId ? { unitId } : {});
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <BackToServices />
      <PageHeader
        title={t("services.amenities")}
        action={
          <Button component={Link} to="/app/bookings" variant="light">
            {t("services.bookings")}
          </Button>
        }
      />
      <Text size="sm" c="dimmed">
        {t("amenities.intro")}
      </Text>
      <PagedItems
        query={list}
        page={page}
        onPage={setPage}
        label={t("services.amenities")}
        empty={
          <EmptyState
            icon={<IconCalendar size={32} />}
            variant="light"
            title={t("amenities.empty")}
            description={t("amenities.emptyHint")}
            py="xl"
          />
        }
        item={(a) => <AmenityCard key={a.id} amenity={a} />}
      />
    </Stack>
  );
}

/** What a slot is for the household: its state in words, and whether it can be asked for. */
function slotState(t: TFunction, slot: Slot): { words: string; bookable: boolean; tone?: string } {
  if (slot.mine === "booked") return { words: t("amenities.slot.mine"), bookable: false, tone: "teal.0" };
  if (slot.mine === "waiting") return { words: t("amenities.slot.waiting"), bookable: false, tone: "blue.0" };
  switch (slot.state) {
    case "open":
      return { words: t("amenities.slot.free", { count: slot.free }), bookable: true };
    case "full":
      return { words: t("amenities.slot.fullWait"), bookable: true };
    case "closed":
      return { words: t("amenities.slot.closed"), bookable: false };
    case "past":
      return { words: t("amenities.slot.past"), bookable: false };
    default:
      return { words: t("amenities.slot.tooFar"), bookable: false };
  }
}

function SlotTile({ slot, onPick }: { slot: Slot; onPick: () => void }) {
  const { t } = useTranslation();
  const { words, bookable, tone } = slotState(t, slot);
  const time = timeRange(slot.startsAt, slot.endsAt);
  if (bookable)
    return (
      <Button
        variant={slot.state === "open" ? "light" : "default"}
        h="auto"
        py="xs"
        onClick={onPick}
        styles={{ label: { flexDirection: "column", alignItems: "center", whiteSpace: "normal" } }}
      >
        <Text span fw={700} size="md">
          {time}
        </Text>
        <Text span size="xs" fw={500}>
          {words}
        </Text>
      </Button>
    );
  return (
    <Paper withBorder radius="sm" py="xs" px="sm" bg={tone ?? "gray.0"} ta="center">
      <Text fw={700} c={tone ? undefined : "gray.7"}>
        {time}
      </Text>
      <Text size="xs" fw={tone ? 700 : 500} c={tone ? undefined : "gray.7"}>
        {words}
      </Text>
    </Paper>
  );
}

type BookValues = { unitId: string; guests: number | string; note: string };

/** The confirmation of a slot: for whom, how many, and what it costs and when cancelling stops being free. */
function BookSlot({
  amenity,
  slot,
  onClose,
  onBooked,
}: {
  amenity: Amenity;
  slot: Slot;
  onClose: () => void;
  onBooked: (booking: Booking) => void;
}) {
  const { t, i18n } = useTranslation();
  const { units, chosen } = useChosenUnit();
  const waitlist = slot.state === "full";
  const form = useForm<BookValues>({
    initialValues: { unitId: chosen?.unitId ?? units[0]?.unitId ?? "", guests: 1, note: "" },
  });
  const book = useMutation({
    mutationFn: (v: BookValues) =>
      api.POST("/bookings", {
        body: {
          amenityId: amenity.id,
          unitId: v.unitId,
          startsAt: slot.startsAt,
          guests: Number(v.guests) || 1,
          note: v.note.trim() || undefined,
          waitlist,
        },
      }),
    onSuccess: onBooked,
    onError: (error) => showFieldErrors(form, error),
  });
  const lang = i18n.language;
  const freeUntil = new Date(Date.parse(slot.startsAt) - amenity.cancelHours * HOUR_MS).toISOString();
  const charged = amenity.fee > 0 || amenity.deposit > 0;
  return (
    <FormModal
      title={
        waitlist
          ? t("amenities.waitTitle", { name: amenity.name })
          : t("amenities.bookTitle", { name: amenity.name })
      }
      onClose={onClose}
      onSubmit={form.onSubmit((v) => book.mutate(v))}
      submitLabel={waitlist ? t("amenities.joinWaitlist") : t("amenities.confirm")}
      pending={book.isPending}
      error={book.error}
    >
      <Text fw={700}>{slotText(t, slot.startsAt, slot.endsAt)}</Text>
      {waitlist && (
        <Alert color="blue" variant="light">
          {t("amenities.waitlistHint")}
        </Alert>
      )}
      {units.length > 1 && (
        <NativeSelect
          label={t("guests.unit")}
          data={units.map((u) => ({ value: u.unitId, label: u.label }))}
          {...form.getInputProps("unitId")}
        />
      )}
      <NumberInput
        label={t("amenities.guests")}
        min={1}
        max={200}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps("guests")}
      />
      <Textarea
        label={t("amenities.note")}
        placeholder={t("amenities.notePlaceholder")}
        autosize
        minRows={2}
        maxLength={300}
        {...form.getInputProps("note")}
      />
      <SimpleGrid component="dl" cols={2} m={0} spacing="sm">
        <Fact label={t("amenities.feeLabel")}>
          {amenity.fee ? formatVnd(amenity.fee, lang) : t("amenities.free")}
        </Fact>
        <Fact label={t("amenities.depositLabel")}>
          {amenity.deposit ? formatVnd(amenity.deposit, lang) : t("amenities.noDeposit")}
        </Fact>
      </SimpleGrid>
      {charged && (
        <Text size="sm">
          {t("amenities.onNotice", { month: formatDay(vnDay(slot.startsAt)).slice(3) })}
          {waitlist && ` ${t("amenities.onNoticeWaitlist")}`}
        </Text>
      )}
      {amenity.fee > 0 && (
        <Text size="sm">
          <Text span inherit fw={700}>
            {Date.parse(freeUntil) > Date.now()
              ? t("amenities.freeCancelUntil", { time: shortMoment(freeUntil) })
              : t("amenities.noFreeCancel", { count: amenity.cancelHours })}
          </Text>
          {amenity.deposit > 0 && ` ${t("amenities.depositBack")}`}
        </Text>
      )}
    </FormModal>
  );
}

/** The days one can book: today up to the amenity's horizon, as chips ("Hôm nay", "Ngày mai", "T7 14/06"). */
function DayChips({
  days,
  value,
  onChange,
}: {
  days: string[];
  value: string;
  onChange: (day: string) => void;
}) {
  const { t } = useTranslation();
  const label = (day: string, index: number) => {
    if (index === 0) return t("amenities.today");
    if (index === 1) return t("amenities.tomorrow");
    return `${t(`amenities.weekday.${weekdayOf(day)}` as "amenities.weekday.0")} ${formatDay(day).slice(0, 5)}`;
  };
  return (
    <ScrollArea type="auto" offsetScrollbars scrollbarSize={6}>
      <Chip.Group value={value} onChange={(v) => onChange(v as string)}>
        <Group gap="xs" wrap="nowrap" role="radiogroup" aria-label={t("amenities.day")} pb={4}>
          {days.map((day, index) => (
            <Chip key={day} value={day} type="radio" style={{ flexShrink: 0 }}>
              {label(day, index)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </ScrollArea>
  );
}

/** One amenity: its rules, the days one can book and each day's slots; a slot opens the confirmation. */
export function AmenityPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const amenity = useQuery({
    queryKey: [AMENITIES_PATH, id],
    queryFn: () => api.GET("/amenities/{id}", { params: { path: { id } } }),
  });
  const first = today();
  const [day, setDay] = useState(first);
  const [picked, setPicked] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<Booking | null>(null);
  const slots = useQuery({
    queryKey: [AMENITIES_PATH, id, "slots", day],
    queryFn: () => api.GET(SLOTS_PATH, { params: { path: { id }, query: { date: day } } }),
  });
  const a = amenity.data;
  const days = a ? Array.from({ length: a.advanceDays + 1 }, (_, i) => addDays(first, i)) : [];
  const onBooked = async (booking: Booking) => {
    setPicked(null);
    setBooked(booking);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [AMENITIES_PATH, id, "slots"] }),
      queryClient.invalidateQueries({ queryKey: [MY_BOOKINGS_PATH] }),
    ]);
  };
  return (
    <Stack maw={720} mx="auto" gap="sm" pb="lg">
      <Anchor component={Link} to="/app/amenities" size="sm">
        ← {t("services.amenities")}
      </Anchor>
      {amenity.isPending && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      <FormError error={amenity.error} />
      {a && (
        <>
          <PageHeader title={a.name} />
          <Group wrap="nowrap" gap="sm" align="flex-start" mt={-8}>
            <ThemeIcon variant="light" size={40} radius="md">
              <KindIcon kind={a.kind} />
            </ThemeIcon>
            <div>
              <Text size="sm">{summaryText(t, a)}</Text>
              <Text size="sm" fw={600}>
                {priceText(t, i18n.language, a)}
              </Text>
            </div>
          </Group>
          <Paper withBorder radius="md" p="md">
            <Stack gap={6}>
              <Text fw={700}>{t("amenities.rules")}</Text>
              {a.rules && (
                <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                  {a.rules}
                </Text>
              )}
              <Text size="sm" component="ul" m={0} pl="md">
                <li>{t(`amenities.bookers.${a.bookers}`)}</li>
                {a.monthlyLimit !== null && <li>{t("amenities.monthlyLimit", { count: a.monthlyLimit })}</li>}
                <li>{t("amenities.advance", { count: a.advanceDays })}</li>
                {a.fee > 0 && <li>{t("amenities.cancelRule", { count: a.cancelHours })}</li>}
                {a.slotCapacity > 1 && <li>{t("amenities.capacity", { count: a.slotCapacity })}</li>}
              </Text>
            </Stack>
          </Paper>
          {booked && (
            <Alert
              color="teal"
              variant="light"
              role="status"
              title={booked.status === "waiting" ? t("amenities.waitlisted") : t("amenities.booked")}
            >
              <Stack gap={4}>
                <Text size="sm">
                  {slotText(t, booked.startsAt, booked.endsAt)}
                  {booked.status === "booked" && ` · ${t("amenities.bookedCode", { code: booked.code })}`}
                </Text>
                <Anchor component={Link} to="/app/bookings" size="sm" fw={600}>
                  {t("amenities.seeBookings")}
                </Anchor>
              </Stack>
            </Alert>
          )}
          <Text fw={700} mt="xs">
            {t("amenities.pickDay")}
          </Text>
          <DayChips days={days} value={day} onChange={setDay} />
          <section aria-label={t("amenities.slotsOf", { day: formatDay(day) })}>
            {slots.isPending && (
              <Center py="lg">
                <Loader aria-label={t("common.loading")} />
              </Center>
            )}
            <FormError error={slots.error} />
            {slots.data && slots.data.items.length === 0 && (
              <Text c="dimmed" py="md">
                {t("amenities.noSlots")}
              </Text>
            )}
            {slots.data && slots.data.items.length > 0 && (
              <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
                {slots.data.items.map((slot) => (
                  <SlotTile key={slot.startsAt} slot={slot} onPick={() => setPicked(slot)} />
                ))}
              </SimpleGrid>
            )}
          </section>
          {picked && (
            <BookSlot amenity={a} slot={picked} onClose={() => setPicked(null)} onBooked={onBooked} />
          )}
        </>
      )}
    </Stack>
  );
}

/** What cancelling costs, as the household reads it before confirming. */
function cancelText(t: TFunction, lang: string, b: Booking): string {
  if (b.status === "waiting") return t("bookings.cancelWaiting");
  const parts: string[] = [];
  if (b.fee > 0)
    parts.push(
      Date.parse(b.freeCancelUntil) > Date.now()
        ? t("bookings.feeRefunded", { amount: formatVnd(b.fee, lang) })
        : t("bookings.feeKept", { amount: formatVnd(b.fee, lang), time: shortMoment(b.freeCancelUntil) }),
    );
  else parts.push(t("bookings.nothingCharged"));
  if (b.deposit > 0) parts.push(t("bookings.depositRefunded", { amount: formatVnd(b.deposit, lang) }));
  return parts.join(" ");
}

function BookingCard({ booking: b, onCancel }: { booking: Booking; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const upcoming = b.status === "booked" && Date.parse(b.endsAt) > Date.now();
  const deposit = depositStatusText(t, lang, b);
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={upcoming ? "blue.0" : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700}>{b.amenityName}</Text>
            <BookingStatusBadge status={b.status} />
          </Group>
          <Text size="sm" fw={600}>
            {slotDay(t, b.startsAt)} ·{" "}
            <Text span inherit style={{ whiteSpace: "nowrap" }}>
              {timeRange(b.startsAt, b.endsAt)}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {b.unitCode} · {t("guests.people", { count: b.guests })}
          </Text>
          {b.note && <Text size="sm">{b.note}</Text>}
          <Text size="sm">
            {b.fee ? t("amenities.fee", { amount: formatVnd(b.fee, lang) }) : t("amenities.free")}
          </Text>
          {b.deposit > 0 && (
            <Text size="sm">{deposit ?? t("amenities.deposit", { amount: formatVnd(b.deposit, lang) })}</Text>
          )}
          {b.status === "waiting" && <Text size="sm">{t("bookings.waitingHint")}</Text>}
          {b.status === "booked" && b.fee > 0 && Date.parse(b.freeCancelUntil) > Date.now() && (
            <Text size="xs" c="dimmed">
              {t("amenities.freeCancelUntil", { time: shortMoment(b.freeCancelUntil) })}
            </Text>
          )}
          {b.status === "checked_in" && b.checkedInAt && (
            <Text size="sm">{t("bookings.checkedInAt", { time: formatTime(b.checkedInAt) })}</Text>
          )}
          {b.status === "cancelled" && b.cancelReason && (
            <Text size="sm" c="dimmed">
              {t("bookings.cancelReason", { reason: b.cancelReason })}
            </Text>
          )}
        </Stack>
        {upcoming && (
          <Stack gap={4} align="center" style={{ flexShrink: 0 }}>
            <VietQr payload={b.code} label={t("bookings.qr", { code: b.code })} size={112} />
            <Text fw={800} size="lg" ff="monospace" aria-label={t("bookings.codeLabel")}>
              {b.code}
            </Text>
          </Stack>
        )}
      </Group>
      {b.can.cancel && (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" color="red" onClick={onCancel}>
            {b.status === "waiting" ? t("bookings.leaveWaitlist") : t("bookings.cancel")}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** Lượt đặt của tôi: the household's bookings to come and of the last 30 days, with the code to show at reception. */
export function BookingsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { query: list, page, setPage } = usePagedList(MY_BOOKINGS_PATH);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <BackToServices />
      <PageHeader
        title={t("services.bookings")}
        action={
          <Button component={Link} to="/app/amenities" variant="light">
            {t("bookings.bookMore")}
          </Button>
        }
      />
      <Text size="sm" c="dimmed">
        {t("bookings.intro")}
      </Text>
      <PagedItems
        query={list}
        page={page}
        onPage={setPage}
        label={t("services.bookings")}
        empty={
          <EmptyState
            icon={<IconTicket size={32} />}
            variant="light"
            title={t("bookings.empty")}
            description={t("bookings.emptyHint")}
            py="xl"
          />
        }
        item={(b) => <BookingCard key={b.id} booking={b} onCancel={() => setCancelling(b)} />}
      />
      {cancelling && (
        <ConfirmModal
          title={
            cancelling.status === "waiting"
              ? t("bookings.leaveWaitlistTitle", { name: cancelling.amenityName })
              : t("bookings.cancelTitle", { name: cancelling.amenityName })
          }
          confirmLabel={
            cancelling.status === "waiting" ? t("bookings.leaveWaitlist") : t("bookings.cancelConfirm")
          }
          danger
          onClose={() => setCancelling(null)}
          onConfirm={async () => {
            await api.POST("/bookings/{id}/cancel", { params: { path: { id: cancelling.id } }, body: {} });
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: [MY_BOOKINGS_PATH] }),
              queryClient.invalidateQueries({ queryKey: [AMENITIES_PATH] }),
            ]);
          }}
        >
          {slotText(t, cancelling.startsAt, cancelling.endsAt)}. {cancelText(t, i18n.language, cancelling)}
        </ConfirmModal>
      )}
    </Stack>
  );
}
