import {
  Badge,
  Button,
  EmptyState,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { slotText } from "../../amenities/amenities.js";
import { BookingStatusBadge } from "../../amenities/parts.js";
import { type ApiData, ApiError, api } from "../../api.js";
import { AttachmentList, AttachmentPicker, PHOTO_TYPES, useUploads } from "../../components/Attachments.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { IconBell, IconUsers } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { useAbilities } from "../access.js";

const PARCELS = "/parcels";
const VISITS = "/visits";
type Lookup = ApiData<"get", "/reception/lookup">;
type Parcel = ApiData<"get", "/parcels">["items"][number];

/** A unit of the buildings the desk covers, found by its code as reception types it. */
function UnitPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 200);
  const units = useQuery({
    queryKey: ["/units", "picker", q],
    queryFn: () => api.GET("/units", { params: { query: { q, pageSize: 10, page: 1, sort: "code" } } }),
    enabled: q.length > 0,
  });
  return (
    <Select
      label={t("reception.unit")}
      placeholder={t("reception.unitHint")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={value || null}
      onChange={(id) => onChange(id ?? "")}
      data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.code }))}
      nothingFoundMessage={q ? t("reception.noUnit") : undefined}
      filter={({ options }) => options}
      error={error as string | undefined}
    />
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [PARCELS] }),
      queryClient.invalidateQueries({ queryKey: [VISITS] }),
    ]);
}

/** The desk's first box: a code scanned (a scanner types it) or typed, and what it opens. */
function Scan() {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [code, setCode] = useState("");
  const [found, setFound] = useState<Lookup | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const lookup = useMutation({
    mutationFn: (value: string) => api.GET("/reception/lookup", { params: { query: { code: value } } }),
    onSuccess: (answer) => {
      setFound(answer);
      setDone(null);
      act.reset();
    },
    onError: () => setFound(null),
  });
  const act = useMutation({
    mutationFn: async (f: Lookup) => {
      if (f.kind === "parcel")
        return api.POST("/parcels/{id}/pickup", {
          params: { path: { id: f.parcel.id } },
          body: { code: code.trim() },
        });
      if (f.kind === "booking")
        return api.POST("/bookings/{id}/check-in", { params: { path: { id: f.booking.id } } });
      return api.POST("/guest-passes/{id}/check-in", { params: { path: { id: f.pass.id } } });
    },
    onSuccess: async (_, f) => {
      setDone(
        f.kind === "parcel"
          ? t("reception.handedOver")
          : f.kind === "booking"
            ? t("reception.bookingCheckedIn", { unit: f.booking.unitCode, amenity: f.booking.amenityName })
            : t("reception.checkedIn", { name: f.pass.guestName }),
      );
      setFound(null);
      setCode("");
      await refresh();
    },
  });
  const notFound = lookup.error instanceof ApiError && lookup.error.status === 404;
  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim()) lookup.mutate(code.trim());
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("reception.code")}
            description={t("reception.codeHint")}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            size="lg"
            autoComplete="off"
            style={{ flex: 1, minWidth: 220 }}
            data-autofocus
          />
          <Button type="submit" size="lg" loading={lookup.isPending}>
            {t("reception.check")}
          </Button>
        </Group>
      </form>
      {notFound && (
        <Text c="red.8" mt="sm" role="alert">
          {t("reception.unknownCode")}
        </Text>
      )}
      {!notFound && <FormError error={lookup.error} />}
      {done && (
        <Text c="teal.9" fw={700} mt="sm" role="status">
          {done}
        </Text>
      )}
      {found?.kind === "parcel" && (
        <Stack mt="md" gap="xs">
          <Text fw={700} size="lg">
            {t("reception.parcelFor", { unit: found.parcel.unitCode })}
          </Text>
          <Text>
            {found.parcel.carrier} ·{" "}
            {t("reception.receivedAt", { time: formatDateTime(found.parcel.receivedAt) })}
          </Text>
          {found.parcel.note && <Text size="sm">{found.parcel.note}</Text>}
          {found.parcel.photo && (
            <AttachmentList
              files={[found.parcel.photo]}
              urlOf={(id) => `/api/v1/parcels/${found.parcel.id}/files/${id}`}
            />
          )}
          <Group>
            <Button size="lg" loading={act.isPending} onClick={() => act.mutate(found)}>
              {t("reception.handOver")}
            </Button>
          </Group>
        </Stack>
      )}
      {found?.kind === "pass" && (
        <Stack mt="md" gap="xs">
          <Group gap="xs">
            <Text fw={700} size="lg">
              {found.pass.guestName}
            </Text>
            <Badge
              color={found.pass.status === "active" ? "teal" : "red"}
              variant="filled"
              tt="none"
              radius="sm"
            >
              {t(`guests.statuses.${found.pass.status}`)}
            </Badge>
          </Group>
          <Text>
            {t("reception.guestOf", { unit: found.pass.unitCode })} ·{" "}
            {t("guests.people", { count: found.pass.guests })}
            {found.pass.plate && ` · ${found.pass.plate}`}
          </Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(found.pass.validFrom)} – {formatDateTime(found.pass.validUntil)}
          </Text>
          <Group>
            <Button size="lg" loading={act.isPending} onClick={() => act.mutate(found)}>
              {t("reception.letIn")}
            </Button>
          </Group>
        </Stack>
      )}
      {found?.kind === "booking" && (
        <Stack mt="md" gap="xs">
          <Group gap="xs">
            <Text fw={700} size="lg">
              {found.booking.amenityName}
            </Text>
            <BookingStatusBadge status={found.booking.status} />
          </Group>
          <Text>
            {t("reception.bookingOf", { unit: found.booking.unitCode })} ·{" "}
            {t("guests.people", { count: found.booking.guests })}
          </Text>
          <Text size="sm" c="dimmed">
            {slotText(t, found.booking.startsAt, found.booking.endsAt)}
          </Text>
          {found.booking.note && <Text size="sm">{found.booking.note}</Text>}
          {found.booking.status === "booked" && (
            <Group>
              <Button size="lg" loading={act.isPending} onClick={() => act.mutate(found)}>
                {t("reception.letBookingIn")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <FormError error={act.error} />
    </Paper>
  );
}

type ParcelValues = { unitId: string; carrier: string; note: string };

function NewParcel() {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [saved, setSaved] = useState<string | null>(null);
  const photo = useUploads("parcel");
  const form = useForm<ParcelValues>({
    initialValues: { unitId: "", carrier: "", note: "" },
    validate: { unitId: required, carrier: required },
  });
  const record = useMutation({
    mutationFn: (v: ParcelValues) =>
      api.POST(PARCELS, {
        body: {
          unitId: v.unitId,
          carrier: v.carrier.trim(),
          note: v.note.trim() || undefined,
          photo: photo.ids[0],
        },
      }),
    onSuccess: async (parcel) => {
      setSaved(t("reception.recorded", { unit: parcel.unitCode }));
      form.reset();
      photo.reset();
      await refresh();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={form.onSubmit((v) => record.mutate(v))}>
        <Stack gap="sm">
          <Text fw={700}>{t("reception.newParcel")}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <UnitPicker
              value={form.values.unitId}
              onChange={(id) => form.setFieldValue("unitId", id)}
              error={form.errors.unitId}
            />
            <TextInput
              label={t("reception.carrier")}
              placeholder="GHN, Viettel Post, Shopee Express…"
              {...form.getInputProps("carrier")}
            />
          </SimpleGrid>
          <TextInput label={t("reception.note")} maxLength={300} {...form.getInputProps("note")} />
          <AttachmentPicker uploads={photo} accept={PHOTO_TYPES} label={t("reception.labelPhoto")} max={1} />
          <FormError error={record.error} />
          {saved && (
            <Text c="teal.9" role="status">
              {saved}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} disabled={photo.busy}>
              {t("reception.record")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Without a code: who collects it and why, which a manager records. */
function HandOverWithoutCode({ parcel }: { parcel: Parcel }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState("");
  const [why, setWhy] = useState("");
  const give = useMutation({
    mutationFn: () =>
      api.POST("/parcels/{id}/pickup", {
        params: { path: { id: parcel.id } },
        body: { collectedBy: who.trim(), reason: why.trim() },
      }),
    onSuccess: refresh,
  });
  if (!open)
    return (
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t("reception.withoutCode")}
      </Button>
    );
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        label={t("reception.collectedBy")}
        value={who}
        onChange={(e) => setWho(e.currentTarget.value)}
      />
      <TextInput
        size="xs"
        label={t("reception.reason")}
        value={why}
        onChange={(e) => setWhy(e.currentTarget.value)}
      />
      <FormError error={give.error} />
      <Button size="xs" loading={give.isPending} onClick={() => give.mutate()}>
        {t("reception.handOver")}
      </Button>
    </Stack>
  );
}

function ParcelsTab() {
  const { t } = useTranslation();
  const overrides = useAbilities()("reception", "override");
  const [status, setStatus] = useState<"waiting" | "picked_up" | "">("waiting");
  // The status chosen is what the tab shows, not a search: an empty list says there are no parcels.
  const list = usePagedList(PARCELS, {}, undefined, { status: status || undefined });
  const columns: Column<Parcel>[] = [
    { header: t("reception.unit"), cell: (p) => <Text fw={600}>{p.unitCode}</Text> },
    {
      header: t("reception.carrier"),
      cell: (p) => (
        <>
          {p.carrier}
          {p.note && (
            <Text size="xs" c="dimmed">
              {p.note}
            </Text>
          )}
        </>
      ),
    },
    { header: t("reception.received"), cell: (p) => formatDateTime(p.receivedAt) },
    {
      header: t("reception.status"),
      cell: (p) =>
        p.status === "waiting"
          ? t("reception.waiting")
          : `${t("reception.pickedUp")} ${formatDateTime(p.pickedUpAt ?? "")}${p.collectedBy ? ` · ${p.collectedBy}` : ""}`,
    },
    {
      header: "",
      cell: (p) => p.status === "waiting" && overrides && <HandOverWithoutCode parcel={p} />,
    },
  ];
  return (
    <Stack>
      <NewParcel />
      <PagedTable
        list={list}
        columns={columns}
        label={t("reception.parcels")}
        minWidth={640}
        filters={
          <Select
            label={t("reception.status")}
            value={status}
            onChange={(v) => setStatus((v ?? "") as typeof status)}
            data={[
              { value: "waiting", label: t("reception.waiting") },
              { value: "picked_up", label: t("reception.pickedUp") },
              { value: "", label: t("common.all") },
            ]}
            allowDeselect={false}
            w={200}
          />
        }
        empty={
          <EmptyState
            icon={<IconBell size={28} />}
            variant="light"
            title={t("reception.noParcels")}
            py="md"
          />
        }
      />
    </Stack>
  );
}

type WalkInValues = { unitId: string; guestName: string; guests: number; plate: string };

function VisitorsTab() {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [inside, setInside] = useState(true);
  const list = usePagedList(VISITS, {}, undefined, { inside: inside ? "true" : undefined });
  const form = useForm<WalkInValues>({
    initialValues: { unitId: "", guestName: "", guests: 1, plate: "" },
    validate: { unitId: required, guestName: required },
  });
  const walkIn = useMutation({
    mutationFn: (v: WalkInValues) =>
      api.POST(VISITS, {
        body: {
          unitId: v.unitId,
          guestName: v.guestName.trim(),
          guests: Number(v.guests),
          plate: v.plate.trim() || undefined,
        },
      }),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const out = useMutation({
    mutationFn: (id: string) => api.POST("/visits/{id}/check-out", { params: { path: { id } } }),
    onSuccess: refresh,
  });
  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <form onSubmit={form.onSubmit((v) => walkIn.mutate(v))}>
          <Stack gap="sm">
            <Text fw={700}>{t("reception.walkIn")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <UnitPicker
                value={form.values.unitId}
                onChange={(id) => form.setFieldValue("unitId", id)}
                error={form.errors.unitId}
              />
              <TextInput label={t("guests.name")} {...form.getInputProps("guestName")} />
              <NumberInput
                label={t("guests.count")}
                min={1}
                max={50}
                allowDecimal={false}
                {...form.getInputProps("guests")}
              />
              <TextInput label={t("guests.plate")} {...form.getInputProps("plate")} />
            </SimpleGrid>
            <FormError error={walkIn.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={walkIn.isPending}>
                {t("reception.recordVisit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <PagedTable
        list={list}
        columns={[
          {
            header: t("guests.name"),
            cell: (v) => (
              <>
                <Text fw={600} size="sm">
                  {v.guestName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("guests.people", { count: v.guests })}
                  {v.plate && ` · ${v.plate}`}
                  {v.withPass ? ` · ${t("reception.withPass")}` : ""}
                </Text>
              </>
            ),
          },
          { header: t("reception.unit"), cell: (v) => v.unitCode },
          { header: t("reception.in"), cell: (v) => formatDateTime(v.checkedInAt) },
          {
            header: t("reception.out"),
            cell: (v) =>
              v.checkedOutAt ? (
                formatDateTime(v.checkedOutAt)
              ) : (
                <Button
                  size="xs"
                  variant="default"
                  loading={out.isPending && out.variables === v.id}
                  onClick={() => out.mutate(v.id)}
                >
                  {t("reception.checkOut")}
                </Button>
              ),
          },
        ]}
        label={t("reception.visitors")}
        minWidth={640}
        filters={
          <Select
            label={t("reception.show")}
            value={inside ? "inside" : "all"}
            onChange={(v) => setInside(v === "inside")}
            data={[
              { value: "inside", label: t("reception.inside") },
              { value: "all", label: t("reception.log") },
            ]}
            allowDeselect={false}
            w={220}
          />
        }
        empty={
          <EmptyState
            icon={<IconUsers size={28} />}
            variant="light"
            title={t("reception.noVisitors")}
            py="md"
          />
        }
      />
      <FormError error={out.error} />
    </Stack>
  );
}

/**
 * Lễ tân: made for the desk's tablet. The code box first (a handheld scanner types into it: a parcel's, a guest's
 * or an amenity booking's code), then parcels to record and hand over, and the visitors in the building.
 */
export default function ReceptionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "desk";
  return (
    <Stack>
      <PageHeader title={t("nav.reception")} />
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams((p) => {
            p.set("tab", v ?? "desk");
            return p;
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="desk">{t("reception.tabs.desk")}</Tabs.Tab>
          <Tabs.Tab value="parcels">{t("reception.tabs.parcels")}</Tabs.Tab>
          <Tabs.Tab value="visitors">{t("reception.tabs.visitors")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="desk" pt="md">
          <Scan />
        </Tabs.Panel>
        <Tabs.Panel value="parcels" pt="md">
          <ParcelsTab />
        </Tabs.Panel>
        <Tabs.Panel value="visitors" pt="md">
          <VisitorsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
