import {
  Box,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { required, showFieldErrors } from "../components/forms.js";
import { IconMegaphone } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDay, parseDay, today } from "../format.js";
import {
  addDays,
  ITEMS_PATH,
  PROMOTION_TONE,
  PROMOTIONS_PATH,
  type Promotion,
  promotionState,
} from "../marketplace/marketplace.js";

type Values = {
  itemId: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  startsOn: string;
  endsOn: string;
};

/** The partner's approved items, which a promotion may be about. */
function useApprovedItems() {
  const query = { status: "approved" as const, page: 1, pageSize: 100 };
  return useQuery({
    queryKey: [ITEMS_PATH, query],
    queryFn: () => api.GET(ITEMS_PATH, { params: { query } }),
  });
}

/** Proposes a promotion: about one item or the whole shop, in both languages, from one day to another. */
function ProposeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const items = useApprovedItems();
  const day = (v: string) => (v.trim() && parseDay(v) ? null : t("validation.day"));
  const form = useForm<Values>({
    initialValues: {
      itemId: "",
      titleVi: "",
      titleEn: "",
      bodyVi: "",
      bodyEn: "",
      startsOn: formatDay(today()),
      endsOn: formatDay(addDays(today(), 7)),
    },
    validate: {
      titleVi: required,
      titleEn: required,
      startsOn: day,
      endsOn: (v, values) =>
        day(v) ??
        ((parseDay(v) ?? "") < (parseDay(values.startsOn) ?? "")
          ? t("partnerPromotions.endsBeforeStart")
          : null),
    },
  });
  const propose = useMutation({
    mutationFn: (v: Values) =>
      api.POST(PROMOTIONS_PATH, {
        body: {
          itemId: v.itemId || null,
          titleVi: v.titleVi.trim(),
          titleEn: v.titleEn.trim(),
          bodyVi: v.bodyVi.trim(),
          bodyEn: v.bodyEn.trim(),
          startsOn: parseDay(v.startsOn) ?? "",
          endsOn: parseDay(v.endsOn) ?? "",
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [PROMOTIONS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("partnerPromotions.propose")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => propose.mutate(v))}
      submitLabel={t("partnerPromotions.send")}
      pending={propose.isPending}
      error={propose.error}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        {t("partnerPromotions.reviewHint")}
      </Text>
      <NativeSelect
        label={t("partnerPromotions.about")}
        data={[
          { value: "", label: t("partnerPromotions.wholeShop") },
          ...(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.nameVi })),
        ]}
        {...form.getInputProps("itemId")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("partnerPromotions.titleVi")}
          maxLength={120}
          data-autofocus
          {...form.getInputProps("titleVi")}
        />
        <TextInput
          label={t("partnerPromotions.titleEn")}
          maxLength={120}
          {...form.getInputProps("titleEn")}
        />
      </SimpleGrid>
      <Textarea
        label={t("partnerPromotions.bodyVi")}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps("bodyVi")}
      />
      <Textarea
        label={t("partnerPromotions.bodyEn")}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps("bodyEn")}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t("partnerPromotions.startsOn")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("startsOn")}
        />
        <TextInput
          label={t("partnerPromotions.endsOn")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("endsOn")}
        />
      </SimpleGrid>
    </FormModal>
  );
}

function PromotionCard({ promotion, itemName }: { promotion: Promotion; itemName: string | undefined }) {
  const { t } = useTranslation();
  const state = promotionState(promotion);
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Text fw={700}>{promotion.titleVi}</Text>
            <Text size="xs" c="dimmed">
              {promotion.titleEn}
            </Text>
          </div>
          <Box style={{ flexShrink: 0 }}>
            <StatusBadge tone={PROMOTION_TONE[state]}>{t(`market.promotionStatuses.${state}`)}</StatusBadge>
          </Box>
        </Group>
        {promotion.bodyVi && <Text size="sm">{promotion.bodyVi}</Text>}
        <Text size="sm" c="dimmed">
          {t("partnerPromotions.dates", {
            from: formatDay(promotion.startsOn),
            to: formatDay(promotion.endsOn),
          })}{" "}
          ·{" "}
          {promotion.itemId ? (itemName ?? t("partnerPromotions.oneItem")) : t("partnerPromotions.wholeShop")}
        </Text>
        {promotion.status === "rejected" && promotion.reviewNote && (
          <Text size="sm" c="red.9">
            {t("partnerPromotions.rejectedBecause", { note: promotion.reviewNote })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Khuyến mãi: the partner's promotions and where their approval stands, and the form to propose one. */
export function PromotionsPage() {
  const { t } = useTranslation();
  const [proposing, setProposing] = useState(false);
  const list = usePagedList(PROMOTIONS_PATH);
  const items = useApprovedItems();
  const itemName = (id: string | null) => items.data?.items.find((i) => i.id === id)?.nameVi;
  return (
    <Stack maw={640} mx="auto" gap="sm">
      <PageHeader
        title={t("partnerPromotions.title")}
        action={<Button onClick={() => setProposing(true)}>{t("partnerPromotions.propose")}</Button>}
      />
      <Text size="sm" c="dimmed">
        {t("partnerPromotions.intro")}
      </Text>
      <PagedItems
        query={list.query}
        page={list.page}
        onPage={list.setPage}
        label={t("partnerPromotions.title")}
        empty={
          <EmptyState
            icon={<IconMegaphone size={32} />}
            variant="light"
            title={t("partnerPromotions.empty")}
            description={t("partnerPromotions.emptyHint")}
            py="xl"
          />
        }
        item={(p) => <PromotionCard key={p.id} promotion={p} itemName={itemName(p.itemId)} />}
      />
      {proposing && <ProposeModal onClose={() => setProposing(false)} />}
    </Stack>
  );
}
