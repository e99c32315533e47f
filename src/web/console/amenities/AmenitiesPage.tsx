import { Box, Button, EmptyState, Group, Stack, Tabs, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  AMENITIES_PATH,
  type Amenity,
  durationText,
  kindText,
  priceText,
} from "../../amenities/amenities.js";
import { KindIcon } from "../../amenities/parts.js";
import { IconCalendar } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { useAbilities } from "../access.js";
import { useBuildingFilter } from "../buildings/BuildingFilter.js";
import { AmenityFormModal } from "./AmenityFormModal.js";
import { BookingsTab } from "./BookingsTab.js";
import { ClosuresDrawer } from "./ClosuresDrawer.js";

type Dialog = { kind: "edit"; amenity?: Amenity } | { kind: "closures"; amenity: Amenity } | null;

/** Tiện ích: the buildings' amenities, their settings and closures. */
function AmenitiesTab({
  buildingId,
  buildingFilter,
  buildingName,
}: {
  buildingId: string;
  buildingFilter: ReactNode;
  buildingName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const manages = useAbilities()("amenity", "update");
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = usePagedList(AMENITIES_PATH, {}, undefined, { buildingId: buildingId || undefined });
  /** The kind (unless the name says it) and the building (when there are several). */
  const subline = (a: Amenity) =>
    [kindText(t, a), buildingFilter ? buildingName(a.buildingId) : null].filter(Boolean).join(" · ");
  const columns: Column<Amenity>[] = [
    {
      header: t("amenityDesk.form.name"),
      cell: (a) => (
        <Group gap="xs" wrap="nowrap">
          <KindIcon kind={a.kind} size={20} />
          <div>
            <Text size="sm" fw={600}>
              {a.name}
            </Text>
            {subline(a) && (
              <Text size="xs" c="dimmed">
                {subline(a)}
              </Text>
            )}
          </div>
        </Group>
      ),
    },
    {
      header: t("amenityDesk.hours"),
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            {a.opensAt}–{a.closesAt}
          </Text>
          <Text size="xs" c="dimmed">
            {t("amenities.perSlot", { duration: durationText(t, a.slotMinutes) })}
          </Text>
        </Stack>
      ),
    },
    {
      header: t("amenityDesk.form.slotCapacity"),
      cell: (a) => t("amenityDesk.capacity", { count: a.slotCapacity }),
      visibleFrom: "md",
    },
    { header: t("amenityDesk.charges"), cell: (a) => priceText(t, i18n.language, a) },
    {
      header: t("amenityDesk.rules"),
      cell: (a) => (
        <Stack gap={0}>
          <Text size="xs">{t(`amenityDesk.form.bookersOptions.${a.bookers}`)}</Text>
          <Text size="xs" c="dimmed">
            {a.monthlyLimit === null
              ? t("amenityDesk.noLimit")
              : t("amenities.monthlyLimit", { count: a.monthlyLimit })}
          </Text>
        </Stack>
      ),
      visibleFrom: "lg",
    },
    {
      header: t("amenityDesk.status"),
      cell: (a) => (
        // As wide as its words: a badge alone in a cell is otherwise cut to an ellipsis.
        <Box w="max-content">
          <StatusBadge tone={a.active ? "positive" : "inactive"}>
            {a.active ? t("amenityDesk.active") : t("amenityDesk.inactive")}
          </StatusBadge>
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (a) => (
        <Group gap={4} wrap="nowrap">
          {a.can.update && (
            <Button
              size="xs"
              variant="light"
              aria-label={t("common.editNamed", { name: a.name })}
              onClick={() => setDialog({ kind: "edit", amenity: a })}
            >
              {t("common.edit")}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            aria-label={t("amenityDesk.closures.open", { name: a.name })}
            onClick={() => setDialog({ kind: "closures", amenity: a })}
          >
            {t("amenityDesk.closures.button")}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          {t("amenityDesk.amenitiesIntro")}
        </Text>
        {manages && (
          <Button onClick={() => setDialog({ kind: "edit" })}>{t("amenityDesk.form.create")}</Button>
        )}
      </Group>
      <PagedTable
        list={list}
        columns={columns}
        label={t("amenityDesk.amenitiesLabel")}
        minWidth={760}
        filters={buildingFilter}
        empty={
          <EmptyState
            icon={<IconCalendar size={32} />}
            variant="light"
            title={t("amenityDesk.noAmenities")}
            description={manages ? t("amenityDesk.noAmenitiesHint") : undefined}
            py="lg"
          />
        }
      />
      {dialog?.kind === "edit" && (
        <AmenityFormModal amenity={dialog.amenity} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "closures" && (
        <ClosuresDrawer amenity={dialog.amenity} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

/**
 * Tiện ích (console): the desk's bookings by day — letting households in, cancelling, settling deposits — and the
 * amenities themselves with their closures, which the managers set up.
 */
export default function AmenitiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "bookings";
  const { buildingId, filter: buildingFilter, buildingName } = useBuildingFilter(t("amenityDesk.building"));
  return (
    <Stack gap={0}>
      <PageHeader title={t("nav.amenities")} />
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams((p) => {
            p.set("tab", v ?? "bookings");
            return p;
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="bookings">{t("amenityDesk.tabs.bookings")}</Tabs.Tab>
          <Tabs.Tab value="amenities">{t("amenityDesk.tabs.amenities")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bookings" pt="md">
          <BookingsTab buildingId={buildingId} buildingFilter={buildingFilter} />
        </Tabs.Panel>
        <Tabs.Panel value="amenities" pt="md">
          <AmenitiesTab buildingId={buildingId} buildingFilter={buildingFilter} buildingName={buildingName} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
