import { Button, EmptyState, NativeSelect, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { UnroutedTransfer } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { required, showFieldErrors } from "../components/forms.js";
import { IconReceipt } from "../components/icons.js";
import { type Column, PagedTable } from "../components/PagedTable.js";
import { PageHeader } from "../components/Pages.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDateTime, formatVnd } from "../format.js";
import { COMPANIES_PATH } from "./CreateCompanyModal.js";

export const UNROUTED_PATH = "/platform/unrouted-transfers";
type Transfer = z.infer<typeof UnroutedTransfer>;

/** Every company, for choosing where a transfer or an account number goes. */
function useCompanies() {
  return useQuery({
    queryKey: [COMPANIES_PATH, "all"],
    queryFn: () => api.GET(COMPANIES_PATH, { params: { query: { page: 1, pageSize: 100 } } }),
  });
}

function CompanySelect(props: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  const companies = useCompanies();
  return (
    <NativeSelect
      label={t("unrouted.company")}
      data={[
        { value: "", label: "—" },
        ...(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
      ]}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      data-autofocus
    />
  );
}

/** Gives a waiting transfer to a company, which matches it to a notice like any transfer. */
function AssignModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { companyId: "" }, validate: { companyId: required } });
  const assign = useMutation({
    mutationFn: (companyId: string) =>
      api.POST("/platform/unrouted-transfers/{id}/assign", {
        params: { path: { id: transfer.id } },
        body: { companyId },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [UNROUTED_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("unrouted.assignTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => assign.mutate(values.companyId))}
      submitLabel={t("unrouted.assign")}
      pending={assign.isPending}
      error={assign.error}
    >
      <Text size="sm">
        {t("unrouted.assignWhat", {
          amount: formatVnd(transfer.amount, i18n.language),
          account: transfer.accountNumber,
          time: formatDateTime(transfer.occurredAt),
          memo: transfer.memo || "—",
        })}
      </Text>
      <CompanySelect
        value={form.values.companyId}
        onChange={(value) => form.setFieldValue("companyId", value)}
        error={form.errors.companyId as string | undefined}
      />
    </FormModal>
  );
}

/** Moves an account number to the company that now holds it (a real change of company). */
function OwnerModal({ onClose, onDone }: { onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { accountNumber: "", companyId: "" },
    validate: { accountNumber: required, companyId: required },
  });
  const move = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.PUT("/platform/bank-account-owners/{accountNumber}", {
        params: { path: { accountNumber: encodeURIComponent(values.accountNumber.trim()) } },
        body: {
          companyId: values.companyId,
        },
      }),
    onSuccess: (_, values) => onDone(t("unrouted.ownerMoved", { account: values.accountNumber.trim() })),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("unrouted.ownerTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => move.mutate(values))}
      submitLabel={t("unrouted.ownerSubmit")}
      pending={move.isPending}
      error={move.error}
    >
      <Text size="sm" c="dimmed">
        {t("unrouted.ownerIntro")}
      </Text>
      <TextInput
        label={t("unrouted.account")}
        inputMode="numeric"
        maxLength={19}
        {...form.getInputProps("accountNumber")}
      />
      <CompanySelect
        value={form.values.companyId}
        onChange={(value) => form.setFieldValue("companyId", value)}
        error={form.errors.companyId as string | undefined}
      />
    </FormModal>
  );
}

/** Chuyển khoản chưa định tuyến: transfers to accounts no company holds, kept for the platform admin. */
export default function UnroutedTransfersPage() {
  const { t, i18n } = useTranslation();
  const [assigning, setAssigning] = useState<Transfer | null>(null);
  const [moving, setMoving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = usePagedList(UNROUTED_PATH, {}, undefined, { status: "unrouted" });
  const columns: Column<Transfer>[] = [
    { header: t("unrouted.time"), cell: (x) => formatDateTime(x.occurredAt) },
    {
      header: t("unrouted.amount"),
      cell: (x) => (
        <Text span size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
          {formatVnd(x.amount, i18n.language)}
        </Text>
      ),
    },
    {
      header: t("unrouted.account"),
      cell: (x) => (
        <>
          <Text size="sm" ff="monospace">
            {x.accountNumber}
          </Text>
          <Text size="xs" c="dimmed">
            {x.gateway ?? ""}
          </Text>
        </>
      ),
    },
    {
      header: t("unrouted.memo"),
      cell: (x) => (
        <Text size="sm" style={{ wordBreak: "break-word" }}>
          {x.memo || "—"}
        </Text>
      ),
    },
    {
      header: t("common.actions"),
      cell: (x) => (
        <Button
          size="xs"
          onClick={() => setAssigning(x)}
          aria-label={t("unrouted.assignNamed", {
            amount: formatVnd(x.amount, i18n.language),
            account: x.accountNumber,
          })}
        >
          {t("unrouted.assign")}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t("unrouted.title")}
        action={
          <Button variant="default" onClick={() => setMoving(true)}>
            {t("unrouted.ownerTitle")}
          </Button>
        }
      />
      <Text c="dimmed" size="sm" mb="md" maw={720}>
        {t("unrouted.intro")}
      </Text>
      {done && (
        <Text role="status" size="sm" c="teal" mb="md">
          {done}
        </Text>
      )}
      <PagedTable
        list={list}
        columns={columns}
        label={t("unrouted.title")}
        minWidth={760}
        empty={
          <EmptyState
            icon={<IconReceipt size={32} />}
            variant="light"
            title={t("unrouted.emptyTitle")}
            description={t("unrouted.empty")}
            py="xl"
          />
        }
      />
      {assigning && <AssignModal transfer={assigning} onClose={() => setAssigning(null)} />}
      {moving && (
        <OwnerModal
          onClose={() => setMoving(false)}
          onDone={(text) => {
            setDone(text);
            setMoving(false);
          }}
        />
      )}
    </>
  );
}
