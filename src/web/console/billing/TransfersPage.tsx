import {
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  Radio,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import {
  type BankTransfer,
  INVOICES_PATH,
  isOpen,
  TRANSFERS_PATH,
  useBillingWords,
} from "../../billing/billing.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError } from "../../components/forms.js";
import { IconReceipt } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { rememberedBuilding } from "./scope.js";

/** Finds a notice by its code or unit in a building and credits the transfer to it. */
function MatchModal({ transfer, onClose }: { transfer: BankTransfer; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const queryClient = useQueryClient();
  const buildings = useAllBuildings();
  const items = buildings.data?.items ?? [];
  const [chosenBuilding, setBuilding] = useState<string | null>(null);
  const buildingId =
    chosenBuilding ?? items.find((b) => b.id === rememberedBuilding())?.id ?? items[0]?.id ?? "";
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [invoiceId, setInvoiceId] = useState<string | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const params = { buildingId, q, page: 1, pageSize: 10 };
  const results = useQuery({
    queryKey: [INVOICES_PATH, params],
    queryFn: () => api.GET(INVOICES_PATH, { params: { query: params } }),
    enabled: buildingId !== "",
    placeholderData: keepPreviousData,
  });
  const match = useMutation({
    mutationFn: (id: string) =>
      api.POST("/bank-transfers/{id}/match", {
        params: { path: { id: transfer.id } },
        body: { invoiceId: id },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [TRANSFERS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [INVOICES_PATH] }),
      ]);
      onClose();
    },
  });

  let list: ReactNode;
  if (results.isPending) {
    list = (
      <Center py="md">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (results.isError) {
    list = <FormError error={results.error} />;
  } else if (results.data.items.length === 0) {
    list = (
      <Text size="sm" c="dimmed">
        {q ? t("common.noResults", { q }) : t("billing.matchNone")}
      </Text>
    );
  } else {
    list = (
      <Radio.Group
        label={t("billing.matchChoose")}
        value={invoiceId}
        onChange={(value) => {
          setInvoiceId(value);
          setUnchosen(false);
        }}
        error={unchosen ? t("billing.matchRequired") : undefined}
      >
        <Stack gap="xs" mt="xs">
          {results.data.items.map((invoice) => (
            <Radio
              key={invoice.id}
              value={invoice.id}
              disabled={!isOpen(invoice)}
              label={`${invoice.unitCode} · ${invoice.code} · ${words.period(invoice.period)}`}
              description={
                isOpen(invoice)
                  ? t("billing.matchBalance", { balance: words.vnd(invoice.balance) })
                  : words.status(invoice.status)
              }
            />
          ))}
        </Stack>
      </Radio.Group>
    );
  }

  return (
    <FormModal
      title={t("billing.matchTitle")}
      onClose={onClose}
      onSubmit={(event) => {
        event?.preventDefault();
        if (invoiceId) match.mutate(invoiceId);
        else setUnchosen(true);
      }}
      submitLabel={t("billing.matchSubmit")}
      pending={match.isPending}
      error={match.error}
      size="lg"
    >
      <Text size="sm">
        {t("billing.matchTransfer", {
          amount: words.vnd(transfer.amount),
          time: formatDateTime(transfer.occurredAt),
          memo: transfer.memo || "—",
        })}
      </Text>
      <Group gap="sm" align="flex-end" grow>
        <NativeSelect
          label={t("billing.building")}
          data={items.map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId}
          onChange={(event) => {
            setBuilding(event.currentTarget.value);
            setInvoiceId(null);
          }}
        />
        <TextInput
          type="search"
          label={t("billing.searchNotices")}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={40}
          data-autofocus
        />
      </Group>
      {list}
    </FormModal>
  );
}

/** Chuyển khoản chưa khớp: bank transfers whose memo named no notice, for an accountant to match by hand. */
export default function TransfersPage() {
  const { t } = useTranslation();
  const words = useBillingWords();
  const [matching, setMatching] = useState<BankTransfer | null>(null);
  const list = usePagedList(TRANSFERS_PATH, {}, undefined, { status: "unmatched" });
  const columns: Column<BankTransfer>[] = [
    { header: t("billing.transferTime"), cell: (x) => formatDateTime(x.occurredAt) },
    {
      header: t("billing.amount"),
      cell: (x) => (
        <Text span size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
          {words.vnd(x.amount)}
        </Text>
      ),
    },
    {
      header: t("billing.memo"),
      cell: (x) => (
        <Text size="sm" style={{ wordBreak: "break-word" }}>
          {x.memo || "—"}
        </Text>
      ),
    },
    {
      header: t("billing.account"),
      cell: (x) => (
        <>
          <Text size="sm" ff="monospace">
            {x.accountNumber}
          </Text>
          <Text size="xs" c="dimmed">
            {x.gateway}
          </Text>
        </>
      ),
    },
    {
      header: t("common.actions"),
      cell: (x) => (
        <Button
          size="xs"
          onClick={() => setMatching(x)}
          aria-label={t("billing.matchNamed", {
            amount: words.vnd(x.amount),
            time: formatDateTime(x.occurredAt),
          })}
        >
          {t("billing.match")}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("billing.transfersTitle")} />
      <Text c="dimmed" size="sm" mb="md" maw={720}>
        {t("billing.transfersIntro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("billing.transfersTitle")}
        minWidth={760}
        empty={
          <EmptyState
            icon={<IconReceipt size={32} />}
            variant="light"
            title={t("billing.transfersEmptyTitle")}
            description={t("billing.transfersEmpty")}
            py="xl"
          />
        }
      />
      {matching && <MatchModal transfer={matching} onClose={() => setMatching(null)} />}
    </>
  );
}
