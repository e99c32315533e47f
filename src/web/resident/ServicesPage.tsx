import {
  Anchor,
  Button,
  CopyButton,
  EmptyState,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ApiData, api } from "../api.js";
import { VietQr } from "../billing/VietQr.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import {
  IconBell,
  IconCalendar,
  IconCart,
  IconFile,
  IconGrid,
  IconReceipt,
  IconTicket,
  IconTool,
  IconUsers,
} from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDateTime } from "../format.js";
import { useChosenUnit } from "./units.js";

const PARCELS_PATH = "/me/parcels";
const PASSES_PATH = "/me/guest-passes";
type MyParcel = ApiData<"get", "/me/parcels">["items"][number];
type Pass = ApiData<"get", "/me/guest-passes">["items"][number];

/**
 * Dịch vụ: what the building does for the household besides fees — goods and services to order from its
 * partners, parcels at reception, guests, the amenities to book, services and renovations to register, and the
 * building's documents.
 */
export function ServicesPage() {
  const { t } = useTranslation();
  const tile = (to: string, icon: ReactNode, title: string, hint: string) => (
    <Paper withBorder radius="md" p="md">
      <UnstyledButton component={Link} to={to} display="block" w="100%">
        <Group wrap="nowrap" gap="sm" align="flex-start">
          {icon}
          <div>
            <Text fw={700}>{title}</Text>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </div>
        </Group>
      </UnstyledButton>
    </Paper>
  );
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <PageHeader title={t("services.title")} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {tile("/app/shop", <IconCart size={28} />, t("shop.title"), t("shop.hint"))}
        {tile("/app/orders", <IconReceipt size={28} />, t("orders.title"), t("orders.hint"))}
        {tile("/app/parcels", <IconBell size={28} />, t("services.parcels"), t("services.parcelsHint"))}
        {tile("/app/guests", <IconUsers size={28} />, t("services.guests"), t("services.guestsHint"))}
        {tile(
          "/app/amenities",
          <IconCalendar size={28} />,
          t("services.amenities"),
          t("services.amenitiesHint"),
        )}
        {tile("/app/bookings", <IconTicket size={28} />, t("services.bookings"), t("services.bookingsHint"))}
        {tile(
          "/app/service-requests",
          <IconTool size={28} />,
          t("services.requests"),
          t("services.requestsHint"),
        )}
        {tile(
          "/app/renovations",
          <IconGrid size={28} />,
          t("services.renovations"),
          t("services.renovationsHint"),
        )}
        {tile("/app/documents", <IconFile size={28} />, t("services.documents"), t("services.documentsHint"))}
      </SimpleGrid>
    </Stack>
  );
}

function ParcelCard({ parcel }: { parcel: MyParcel }) {
  const { t } = useTranslation();
  const waiting = parcel.status === "waiting";
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={waiting ? "blue.0" : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={700}>{parcel.carrier}</Text>
          <Text size="xs" c="dimmed">
            {parcel.unitCode} · {t("parcels.received", { time: formatDateTime(parcel.receivedAt) })}
          </Text>
          {parcel.note && <Text size="sm">{parcel.note}</Text>}
          {!waiting && (
            <Text size="sm">
              {parcel.status === "picked_up"
                ? t("parcels.pickedUp", { time: formatDateTime(parcel.pickedUpAt ?? "") })
                : t("parcels.returned")}
            </Text>
          )}
        </div>
        {waiting && parcel.code && (
          <Stack gap={4} align="center">
            <VietQr payload={parcel.code} label={t("parcels.qr", { code: parcel.code })} size={120} />
            <Text fw={800} size="xl" ff="monospace" aria-label={t("parcels.codeLabel")}>
              {parcel.code}
            </Text>
          </Stack>
        )}
      </Group>
    </Paper>
  );
}

/** Bưu phẩm: parcels at reception with the code to show there; those collected lately below. */
export function ParcelsPage() {
  const { t } = useTranslation();
  const { query: list, page, setPage } = usePagedList(PARCELS_PATH);
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/services" size="sm">
        ← {t("services.title")}
      </Anchor>
      <PageHeader title={t("services.parcels")} />
      <Text size="sm" c="dimmed">
        {t("parcels.intro")}
      </Text>
      <PagedItems
        query={list}
        page={page}
        onPage={setPage}
        label={t("services.parcels")}
        empty={
          <EmptyState
            icon={<IconBell size={32} />}
            variant="light"
            title={t("parcels.empty")}
            description={t("parcels.emptyHint")}
            py="xl"
          />
        }
        item={(p) => <ParcelCard key={p.id} parcel={p} />}
      />
    </Stack>
  );
}

/** The datetime-local input's value for a moment (the phone's own time zone, which is Vietnam's for residents). */
const localInput = (d: Date) => {
  const shifted = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};

type PassValues = {
  unitId: string;
  guestName: string;
  guests: number;
  plate: string;
  validFrom: string;
  validUntil: string;
};

function NewPass({ onDone }: { onDone: (pass: Pass) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { units, chosen } = useChosenUnit();
  const now = new Date();
  const form = useForm<PassValues>({
    initialValues: {
      unitId: chosen?.unitId ?? units[0]?.unitId ?? "",
      guestName: "",
      guests: 1,
      plate: "",
      validFrom: localInput(now),
      validUntil: localInput(new Date(now.getTime() + 4 * 3600_000)),
    },
    validate: { guestName: required },
  });
  const make = useMutation({
    mutationFn: (v: PassValues) =>
      api.POST(PASSES_PATH, {
        body: {
          unitId: v.unitId,
          guestName: v.guestName.trim(),
          guests: Number(v.guests),
          plate: v.plate.trim() || undefined,
          validFrom: new Date(v.validFrom).toISOString(),
          validUntil: new Date(v.validUntil).toISOString(),
        },
      }),
    onSuccess: async (pass) => {
      await queryClient.invalidateQueries({ queryKey: [PASSES_PATH] });
      form.reset();
      onDone(pass);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((v) => make.mutate(v))}>
        <Stack gap="sm">
          <Text fw={700}>{t("guests.newTitle")}</Text>
          {units.length > 1 && (
            <NativeSelect
              label={t("guests.unit")}
              data={units.map((u) => ({ value: u.unitId, label: u.label }))}
              {...form.getInputProps("unitId")}
            />
          )}
          <TextInput label={t("guests.name")} maxLength={120} {...form.getInputProps("guestName")} />
          <Group grow>
            <NumberInput
              label={t("guests.count")}
              min={1}
              max={50}
              allowDecimal={false}
              {...form.getInputProps("guests")}
            />
            <TextInput label={t("guests.plate")} maxLength={20} {...form.getInputProps("plate")} />
          </Group>
          <Group grow>
            <TextInput type="datetime-local" label={t("guests.from")} {...form.getInputProps("validFrom")} />
            <TextInput
              type="datetime-local"
              label={t("guests.until")}
              {...form.getInputProps("validUntil")}
            />
          </Group>
          <FormError error={make.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={make.isPending}>
              {t("guests.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PassCard({ pass, open }: { pass: Pass; open: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.POST("/me/guest-passes/{id}/cancel", { params: { path: { id: pass.id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PASSES_PATH] }),
  });
  const active = pass.status === "active";
  const share = t("guests.shareText", {
    name: pass.guestName,
    code: pass.code,
    until: formatDateTime(pass.validUntil),
  });
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={active ? "blue.0" : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700}>{pass.guestName}</Text>
            <Text size="xs" c="dimmed">
              {pass.unitCode} · {formatDateTime(pass.validFrom)} – {formatDateTime(pass.validUntil)}
              {pass.guests > 1 && ` · ${t("guests.people", { count: pass.guests })}`}
              {pass.plate && ` · ${pass.plate}`}
            </Text>
          </div>
          <Text size="sm" fw={600}>
            {t(`guests.statuses.${pass.status}`)}
          </Text>
        </Group>
        {active && (
          <Stack gap={6} align="center">
            {open && <VietQr payload={pass.code} label={t("guests.qr", { code: pass.code })} size={180} />}
            <Text fw={800} size="xl" ff="monospace" aria-label={t("guests.codeLabel")}>
              {pass.code}
            </Text>
            <Group gap="xs">
              <CopyButton value={share}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t("guests.copied") : t("guests.copy")}
                  </Button>
                )}
              </CopyButton>
              <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
                {t("guests.cancel")}
              </Button>
            </Group>
            <FormError error={cancel.error} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Khách: passes for the household's guests, each with the code and QR to send them. */
export function GuestsPage() {
  const { t } = useTranslation();
  const [made, setMade] = useState<string | null>(null);
  const { query: list, page, setPage } = usePagedList(PASSES_PATH);
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/services" size="sm">
        ← {t("services.title")}
      </Anchor>
      <PageHeader title={t("services.guests")} />
      <Text size="sm" c="dimmed">
        {t("guests.intro")}
      </Text>
      <NewPass onDone={(pass) => setMade(pass.id)} />
      <PagedItems
        query={list}
        page={page}
        onPage={setPage}
        label={t("services.guests")}
        empty={
          <EmptyState icon={<IconUsers size={32} />} variant="light" title={t("guests.empty")} py="lg" />
        }
        item={(p) => <PassCard key={p.id} pass={p} open={p.id === made || list.data?.items.length === 1} />}
      />
    </Stack>
  );
}
