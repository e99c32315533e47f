import {
  Box,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api.js";
import { AttachmentList } from "../../components/Attachments.js";
import { Fact } from "../../components/Fact.js";
import { FormError } from "../../components/forms.js";
import { IconCart } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime, formatVnd } from "../../format.js";
import {
  type CatalogItem,
  ITEMS_PATH,
  itemPhotoUrl,
  itemThumbnailUrl,
} from "../../marketplace/marketplace.js";
import { useAbilities } from "../access.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { OrdersTab } from "./OrdersTab.js";
import { PromotionsTab } from "./PromotionsTab.js";
import { ReasonModal } from "./ReasonModal.js";
import { SettlementTab } from "./SettlementTab.js";

const ITEM_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
const ITEM_TONE = {
  pending: "waiting",
  approved: "positive",
  rejected: "inactive",
  withdrawn: "inactive",
} as const;
/** The square of an item's first photo in the list. */
const THUMB = 40;
const TABS = ["items", "promotions", "orders", "settlement"] as const;
type Tab = (typeof TABS)[number];

/** An item in full, with Duyệt and Từ chối while it waits for approval. */
function ItemDrawer({
  item,
  buildingName,
  onClose,
  onReject,
}: {
  item: CatalogItem;
  buildingName: (id: string) => string;
  onClose: () => void;
  onReject: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () =>
      api.POST("/catalog/items/{id}/review", {
        params: { path: { id: item.id } },
        body: { decision: "approve" },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ITEMS_PATH] });
      onClose();
    },
  });
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={item.nameVi}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Group gap="xs">
          <StatusBadge tone={ITEM_TONE[item.status]}>{t(`market.itemStatuses.${item.status}`)}</StatusBadge>
          <Text size="sm" c="dimmed">
            {t("marketDesk.updated", { time: formatDateTime(item.updatedAt) })}
          </Text>
        </Group>
        {item.reviewNote && (
          <Text size="sm">{t("marketDesk.rejectedBecause", { note: item.reviewNote })}</Text>
        )}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t("marketDesk.partner")}>{item.partnerName}</Fact>
          <Fact label={t("marketDesk.kind")}>
            {t(`market.kinds.${item.kind}`)} · {t(`market.categories.${item.category}`)}
          </Fact>
          <Fact label={t("marketDesk.nameVi")}>{item.nameVi}</Fact>
          <Fact label={t("marketDesk.nameEn")}>{item.nameEn}</Fact>
          <Fact label={t("marketDesk.price")}>
            {formatVnd(item.price, i18n.language)} · {t("marketDesk.vatOf", { rate: item.vatRate })}
          </Fact>
          <Fact label={t("marketDesk.stock")}>
            {item.stock === null ? t("marketDesk.unlimited") : item.stock}
          </Fact>
        </SimpleGrid>
        {item.photos.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t("marketDesk.photos")}
            </Text>
            <AttachmentList files={item.photos} urlOf={(fileId) => itemPhotoUrl(item.id, fileId)} />
          </Stack>
        )}
        <SimpleGrid component="dl" cols={1} spacing="sm" m={0}>
          <Fact label={t("marketDesk.descriptionVi")}>{item.descriptionVi || "—"}</Fact>
          <Fact label={t("marketDesk.descriptionEn")}>{item.descriptionEn || "—"}</Fact>
          <Fact label={t("marketDesk.buildings")}>
            {item.buildingIds.map((id) => buildingName(id) || "—").join(", ")}
          </Fact>
        </SimpleGrid>
        <FormError error={approve.error} />
        {item.can.review && (
          <Group gap="xs">
            <Button onClick={() => approve.mutate()} loading={approve.isPending}>
              {t("marketDesk.approve")}
            </Button>
            <Button variant="default" onClick={onReject}>
              {t("marketDesk.reject")}
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}

type ItemDialog = { kind: "open" | "reject"; item: CatalogItem } | null;

/** Partners' items: those waiting first (the work inbox links here), each opening its detail to approve it. */
function ItemsTab() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get("status") ?? "pending");
  const [dialog, setDialog] = useState<ItemDialog>(null);
  const buildings = useAllBuildings();
  const buildingName = (id: string) => buildings.data?.items.find((b) => b.id === id)?.name ?? "";
  const list = usePagedList(ITEMS_PATH, { status: status || undefined });
  const columns: Column<CatalogItem>[] = [
    {
      header: t("marketDesk.item"),
      cell: (i) => (
        <Group gap="sm" wrap="nowrap">
          {i.photos[0] ? (
            <img
              src={itemThumbnailUrl(i.id, i.photos[0].id)}
              alt={t("marketDesk.photoOf", { name: i.nameVi })}
              width={THUMB}
              height={THUMB}
              loading="lazy"
              style={{
                objectFit: "cover",
                borderRadius: 6,
                display: "block",
                flexShrink: 0,
                border: "1px solid var(--mantine-color-gray-3)",
              }}
            />
          ) : (
            <Box w={THUMB} h={THUMB} bg="gray.1" style={{ borderRadius: 6, flexShrink: 0 }} />
          )}
          <div>
            <Text size="sm" fw={600}>
              {i.nameVi}
            </Text>
            <Text size="xs" c="dimmed">
              {i.nameEn} · {t(`market.categories.${i.category}`)}
            </Text>
          </div>
        </Group>
      ),
    },
    { header: t("marketDesk.partner"), cell: (i) => i.partnerName },
    {
      header: t("marketDesk.price"),
      cell: (i) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatVnd(i.price, i18n.language)}
        </Text>
      ),
    },
    {
      header: t("marketDesk.stock"),
      cell: (i) => (i.stock === null ? t("marketDesk.unlimited") : i.stock),
      visibleFrom: "md",
    },
    {
      header: t("marketDesk.buildings"),
      cell: (i) => i.buildingIds.map(buildingName).join(", "),
      visibleFrom: "lg",
    },
    {
      header: t("marketDesk.status"),
      cell: (i) => (
        <Box w="max-content">
          <StatusBadge tone={ITEM_TONE[i.status]}>{t(`market.itemStatuses.${i.status}`)}</StatusBadge>
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (i) => (
        <Button
          size="xs"
          variant="light"
          aria-label={t("marketDesk.openItem", { name: i.nameVi })}
          onClick={() => setDialog({ kind: "open", item: i })}
        >
          {i.can.review ? t("marketDesk.review") : t("marketDesk.open")}
        </Button>
      ),
    },
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("marketDesk.itemsIntro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("marketDesk.tabs.items")}
        minWidth={820}
        onOpen={(i) => setDialog({ kind: "open", item: i })}
        filters={
          <NativeSelect
            label={t("marketDesk.status")}
            data={[
              { value: "", label: t("common.all") },
              ...ITEM_STATUSES.map((s) => ({ value: s, label: t(`market.itemStatuses.${s}`) })),
            ]}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            w={{ base: "100%", xs: 200 }}
          />
        }
        empty={
          <EmptyState
            icon={<IconCart size={32} />}
            variant="light"
            title={t("marketDesk.noItems")}
            description={t("marketDesk.noItemsHint")}
            py="lg"
          />
        }
      />
      {dialog?.kind === "open" && (
        <ItemDrawer
          item={dialog.item}
          buildingName={buildingName}
          onClose={() => setDialog(null)}
          onReject={() => setDialog({ kind: "reject", item: dialog.item })}
        />
      )}
      {dialog?.kind === "reject" && (
        <ReasonModal
          title={t("marketDesk.rejectTitle", { name: dialog.item.nameVi })}
          label={t("marketDesk.rejectNote")}
          description={t("marketDesk.rejectNoteHint")}
          submitLabel={t("marketDesk.reject")}
          onClose={() => setDialog(null)}
          send={async (note) => {
            await api.POST("/catalog/items/{id}/review", {
              params: { path: { id: dialog.item.id } },
              body: { decision: "reject", note },
            });
            await queryClient.invalidateQueries({ queryKey: [ITEMS_PATH] });
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Chợ cư dân (console): partners' items and promotions to approve (the desk), the orders of the buildings with
 * their payments (the desk and the accountant), and the partners' monthly settlement (the company admin and the
 * accountant); each person sees the tabs they may use.
 */
export default function MarketplacePage() {
  const { t } = useTranslation();
  const can = useAbilities();
  const shown: Record<Tab, boolean> = {
    items: can("catalog_item", "read"),
    promotions: can("catalog_item", "read"),
    orders: can("order", "read"),
    settlement: can("settlement", "read"),
  };
  const [params, setParams] = useSearchParams();
  const fallback = TABS.find((tab) => shown[tab]) ?? "orders";
  const asked = TABS.find((tab) => tab === params.get("tab"));
  const tab = asked && shown[asked] ? asked : fallback;
  return (
    <Stack gap={0}>
      <PageHeader title={t("nav.marketplace")} />
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams((p) => {
            p.set("tab", v ?? fallback);
            p.delete("status");
            return p;
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.filter((key) => shown[key]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`marketDesk.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.items && (
          <Tabs.Panel value="items" pt="md">
            <ItemsTab />
          </Tabs.Panel>
        )}
        {shown.promotions && (
          <Tabs.Panel value="promotions" pt="md">
            <PromotionsTab />
          </Tabs.Panel>
        )}
        {shown.orders && (
          <Tabs.Panel value="orders" pt="md">
            <OrdersTab />
          </Tabs.Panel>
        )}
        {shown.settlement && (
          <Tabs.Panel value="settlement" pt="md">
            <SettlementTab canPay={can("settlement", "pay")} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
