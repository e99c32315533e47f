import { Box, Button, EmptyState, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { IconMegaphone } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDay } from "../../format.js";
import {
  ITEMS_PATH,
  PROMOTION_TONE,
  PROMOTIONS_PATH,
  type Promotion,
  promotionState,
} from "../../marketplace/marketplace.js";
import { ReasonModal } from "./ReasonModal.js";

const STATUSES = ["pending", "approved", "rejected"] as const;

/** The names of the items of some partners (a promotion names its item by id), by item id. */
function useItemNames(partnerIds: string[]): (id: string) => string | undefined {
  const answers = useQueries({
    queries: [...new Set(partnerIds)].map((partnerId) => {
      const query = { partnerId, page: 1, pageSize: 100 };
      return {
        queryKey: [ITEMS_PATH, query],
        queryFn: () => api.GET(ITEMS_PATH, { params: { query } }),
        staleTime: 60_000,
      };
    }),
  });
  return (id) => {
    for (const answer of answers) {
      const item = answer.data?.items.find((i) => i.id === id);
      if (item) return item.nameVi;
    }
    return undefined;
  };
}

/** Duyệt, with its own pending state and error, in the promotion's row. */
function ApproveButton({ promotion }: { promotion: Promotion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () =>
      api.POST("/promotions/{id}/review", {
        params: { path: { id: promotion.id } },
        body: { decision: "approve" },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PROMOTIONS_PATH] }),
  });
  return (
    <>
      <Button
        size="xs"
        loading={approve.isPending}
        onClick={() => approve.mutate()}
        aria-label={t("marketDesk.approveNamed", { name: promotion.titleVi })}
      >
        {t("marketDesk.approve")}
      </Button>
      {approve.error !== null && <FormError error={approve.error} />}
    </>
  );
}

/**
 * Partners' promotions: those waiting first. Residents who consent to marketing see an approved one in the shop
 * of the buildings the partner serves, while it runs.
 */
export function PromotionsTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get("status") ?? "pending");
  const [rejecting, setRejecting] = useState<Promotion | null>(null);
  const list = usePagedList(PROMOTIONS_PATH, { status: status || undefined });
  const itemName = useItemNames((list.query.data?.items ?? []).map((p) => p.partnerId));
  const columns: Column<Promotion>[] = [
    {
      header: t("marketDesk.promotion"),
      cell: (p) => (
        <Box maw={420}>
          <Text size="sm" fw={600}>
            {p.titleVi}
          </Text>
          <Text size="xs" c="dimmed">
            {p.titleEn}
          </Text>
          {p.bodyVi && (
            <Text size="sm" lineClamp={3} mt={2}>
              {p.bodyVi}
            </Text>
          )}
          {p.status === "rejected" && p.reviewNote && (
            <Text size="xs" mt={2}>
              {t("marketDesk.rejectedBecause", { note: p.reviewNote })}
            </Text>
          )}
        </Box>
      ),
    },
    { header: t("marketDesk.partner"), cell: (p) => p.partnerName },
    {
      header: t("marketDesk.appliesTo"),
      cell: (p) => (p.itemId ? (itemName(p.itemId) ?? t("marketDesk.oneItem")) : t("marketDesk.wholeShop")),
      visibleFrom: "md",
    },
    {
      header: t("marketDesk.runs"),
      cell: (p) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDay(p.startsOn)} – {formatDay(p.endsOn)}
        </Text>
      ),
    },
    {
      header: t("marketDesk.status"),
      cell: (p) => {
        const state = promotionState(p);
        return (
          <Box w="max-content">
            <StatusBadge tone={PROMOTION_TONE[state]}>{t(`market.promotionStatuses.${state}`)}</StatusBadge>
          </Box>
        );
      },
    },
    {
      header: t("common.actions"),
      cell: (p) =>
        p.can.review ? (
          <Group gap="xs" wrap="nowrap">
            <ApproveButton promotion={p} />
            <Button
              size="xs"
              variant="default"
              onClick={() => setRejecting(p)}
              aria-label={t("marketDesk.rejectNamed", { name: p.titleVi })}
            >
              {t("marketDesk.reject")}
            </Button>
          </Group>
        ) : null,
    },
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("marketDesk.promotionsIntro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("marketDesk.tabs.promotions")}
        minWidth={860}
        filters={
          <NativeSelect
            label={t("marketDesk.status")}
            data={[
              { value: "", label: t("common.all") },
              ...STATUSES.map((s) => ({ value: s, label: t(`market.promotionStatuses.${s}`) })),
            ]}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            w={{ base: "100%", xs: 200 }}
          />
        }
        empty={
          <EmptyState
            icon={<IconMegaphone size={32} />}
            variant="light"
            title={t("marketDesk.noPromotions")}
            description={t("marketDesk.noPromotionsHint")}
            py="lg"
          />
        }
      />
      {rejecting && (
        <ReasonModal
          title={t("marketDesk.rejectTitle", { name: rejecting.titleVi })}
          label={t("marketDesk.rejectNote")}
          description={t("marketDesk.rejectPromotionHint")}
          submitLabel={t("marketDesk.reject")}
          onClose={() => setRejecting(null)}
          send={async (note) => {
            await api.POST("/promotions/{id}/review", {
              params: { path: { id: rejecting.id } },
              body: { decision: "reject", note },
            });
            await queryClient.invalidateQueries({ queryKey: [PROMOTIONS_PATH] });
          }}
        />
      )}
    </Stack>
  );
}
