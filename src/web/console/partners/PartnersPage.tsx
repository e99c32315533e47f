import {
  Box,
  Button,
  Checkbox,
  EmptyState,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiData, api } from "../../api.js";
import { BANK_OPTIONS } from "../../components/bankOptions.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { IconUsers } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatVnd, vndInputProps } from "../../format.js";
import { CATEGORIES } from "../../marketplace/marketplace.js";
import { useAbilities } from "../access.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { PartnerStaffDrawer } from "./PartnerStaffDrawer.js";

const PARTNERS_PATH = "/partners";
type Partner = ApiData<"get", "/partners/{id}">;
type Category = Partner["categories"][number];

type Values = {
  legalName: string;
  displayName: string;
  taxCode: string;
  hotline: string;
  orgEmail: string;
  categories: string[];
  buildingIds: string[];
  commissionKind: "percent" | "fixed";
  /** Percent as typed (8.5), or VND. */
  commission: number | string;
  bankBin: string | null;
  accountNumber: string;
  accountName: string;
};

/** Hundredths of a percent (850) from what is typed (8.5 %), or VND as typed. */
const commissionValue = (v: Values) =>
  v.commissionKind === "percent" ? Math.round(Number(v.commission) * 100) : Number(v.commission) || 0;

/** Onboards a partner, or changes its terms (its tax code stays; its payout account has its own dialog). */
function PartnerFormModal({ partner, onClose }: { partner?: Partner; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const buildings = useAllBuildings();
  const form = useForm<Values>({
    initialValues: {
      legalName: partner?.legalName ?? "",
      displayName: partner?.displayName ?? "",
      taxCode: partner?.taxCode ?? "",
      hotline: partner?.hotline ?? "",
      orgEmail: partner?.orgEmail ?? "",
      categories: partner?.categories ?? [],
      buildingIds: partner?.buildingIds ?? [],
      commissionKind: partner?.commissionKind ?? "percent",
      commission: partner
        ? partner.commissionKind === "percent"
          ? partner.commissionValue / 100
          : partner.commissionValue
        : 8,
      bankBin: partner?.bankBin ?? null,
      accountNumber: partner?.accountNumber ?? "",
      accountName: partner?.accountName ?? "",
    },
    validate: {
      legalName: required,
      displayName: required,
      taxCode: required,
      hotline: required,
      categories: (v) => (v.length ? null : t("partnerDesk.pickOne")),
      buildingIds: (v) => (v.length ? null : t("partnerDesk.pickOne")),
      bankBin: (v) => (partner || v ? null : t("billing.bankRequired")),
      accountNumber: (v) => (partner || v.trim() ? null : t("validation.required")),
      accountName: (v) => (partner || v.trim() ? null : t("validation.required")),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const terms = {
        legalName: v.legalName.trim(),
        displayName: v.displayName.trim(),
        hotline: v.hotline.trim(),
        orgEmail: v.orgEmail.trim() || null,
        categories: v.categories as Category[],
        buildingIds: v.buildingIds,
        commissionKind: v.commissionKind,
        commissionValue: commissionValue(v),
      };
      return partner
        ? api.PATCH("/partners/{id}", { params: { path: { id: partner.id } }, body: terms })
        : api.POST(PARTNERS_PATH, {
            body: {
              ...terms,
              taxCode: v.taxCode.trim(),
              bankBin: v.bankBin ?? "",
              accountNumber: v.accountNumber.trim(),
              accountName: v.accountName.trim(),
            },
          });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [PARTNERS_PATH] });
      onClose();
    },
    onError: (error) => {
      showFieldErrors(form, error);
      if (form.errors.commissionValue) form.setFieldError("commission", form.errors.commissionValue);
    },
  });
  return (
    <FormModal
      title={partner ? t("common.editNamed", { name: partner.displayName }) : t("partnerDesk.onboard")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("partnerDesk.legalName")}
          maxLength={200}
          data-autofocus
          {...form.getInputProps("legalName")}
        />
        <TextInput
          label={t("partnerDesk.displayName")}
          maxLength={80}
          {...form.getInputProps("displayName")}
        />
        <TextInput
          label={t("partnerDesk.taxCode")}
          disabled={!!partner}
          maxLength={14}
          {...form.getInputProps("taxCode")}
        />
        <TextInput
          label={t("partnerDesk.hotline")}
          inputMode="tel"
          maxLength={20}
          {...form.getInputProps("hotline")}
        />
      </SimpleGrid>
      <TextInput
        label={t("partnerDesk.orgEmail")}
        type="email"
        maxLength={254}
        {...form.getInputProps("orgEmail")}
      />
      <Checkbox.Group label={t("partnerDesk.categories")} {...form.getInputProps("categories")}>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
          {CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={t(`market.categories.${c}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group label={t("partnerDesk.buildings")} {...form.getInputProps("buildingIds")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {(buildings.data?.items ?? []).map((b) => (
            <Checkbox key={b.id} value={b.id} label={b.name} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t("partnerDesk.commissionKind")}
          data={[
            { value: "percent", label: t("partnerDesk.percent") },
            { value: "fixed", label: t("partnerDesk.fixed") },
          ]}
          {...form.getInputProps("commissionKind")}
        />
        {form.values.commissionKind === "percent" ? (
          <NumberInput
            label={t("partnerDesk.commissionPercent")}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            {...form.getInputProps("commission")}
          />
        ) : (
          <NumberInput
            label={t("partnerDesk.commissionFixed")}
            {...vndInputProps(i18n.language)}
            {...form.getInputProps("commission")}
          />
        )}
      </Group>
      {!partner && <PayoutFields form={form} />}
    </FormModal>
  );
}

function PayoutFields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Select
        label={t("partnerDesk.bank")}
        data={BANK_OPTIONS}
        searchable
        nothingFoundMessage={t("common.nothingFound")}
        {...form.getInputProps("bankBin")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("partnerDesk.accountNumber")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("accountNumber")}
        />
        <TextInput
          label={t("partnerDesk.accountName")}
          maxLength={120}
          {...form.getInputProps("accountName")}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** A new payout account: the server asks for the password again before it is saved. */
function PayoutModal({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      legalName: "",
      displayName: "",
      taxCode: "",
      hotline: "",
      orgEmail: "",
      categories: [],
      buildingIds: [],
      commissionKind: "percent",
      commission: 0,
      bankBin: partner.bankBin,
      accountNumber: partner.accountNumber,
      accountName: partner.accountName,
    },
    validate: {
      bankBin: (v) => (v ? null : t("billing.bankRequired")),
      accountNumber: required,
      accountName: required,
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.PUT("/partners/{id}/payout-account", {
        params: { path: { id: partner.id } },
        body: {
          bankBin: v.bankBin ?? "",
          accountNumber: v.accountNumber.trim(),
          accountName: v.accountName.trim(),
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [PARTNERS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("partnerDesk.payoutTitle", { name: partner.displayName })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
    >
      <Text size="sm" c="dimmed">
        {t("partnerDesk.payoutHint")}
      </Text>
      <PayoutFields form={form} />
    </FormModal>
  );
}

function SuspendModal({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: "" }, validate: { reason: required } });
  const save = useMutation({
    mutationFn: (v: { reason: string }) =>
      api.PATCH("/partners/{id}", {
        params: { path: { id: partner.id } },
        body: { status: "suspended", statusReason: v.reason.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [PARTNERS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("partnerDesk.suspendTitle", { name: partner.displayName })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("partnerDesk.suspend")}
      pending={save.isPending}
      error={save.error}
      danger
    >
      <Textarea
        label={t("partnerDesk.reason")}
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps("reason")}
      />
    </FormModal>
  );
}

type Dialog =
  | { kind: "form"; partner?: Partner }
  | { kind: "payout" | "suspend" | "staff"; partner: Partner }
  | null;

/** Đối tác (console): the partner organisations that deliver to residents, their terms and payout accounts. */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const manages = useAbilities()("partner", "update");
  const [status, setStatus] = useState("");
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = usePagedList(PARTNERS_PATH, { status: status || undefined });
  const reactivate = useMutation({
    mutationFn: (id: string) =>
      api.PATCH("/partners/{id}", { params: { path: { id } }, body: { status: "active" } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PARTNERS_PATH] }),
  });
  const commission = (p: Partner) =>
    p.commissionKind === "percent"
      ? `${(p.commissionValue / 100).toLocaleString(i18n.language)} %`
      : formatVnd(p.commissionValue, i18n.language);
  const columns: Column<Partner>[] = [
    {
      header: t("partnerDesk.displayName"),
      cell: (p) => (
        <div>
          <Text size="sm" fw={600}>
            {p.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {p.legalName} · {t("partnerDesk.taxCode")} {p.taxCode}
          </Text>
        </div>
      ),
    },
    {
      header: t("partnerDesk.categories"),
      cell: (p) => p.categories.map((c) => t(`market.categories.${c}`)).join(", "),
    },
    { header: t("partnerDesk.commission"), cell: commission, visibleFrom: "md" },
    {
      header: t("partnerDesk.payout"),
      cell: (p) => `${p.bankName ?? p.bankBin} …${p.accountNumber.slice(-4)}`,
      visibleFrom: "lg",
    },
    {
      header: t("partnerDesk.status"),
      cell: (p) => (
        <Box w="max-content">
          <StatusBadge tone={p.status === "active" ? "positive" : "inactive"}>
            {t(`partnerDesk.statuses.${p.status}`)}
          </StatusBadge>
          {p.statusReason && (
            <Text size="xs" c="dimmed" maw={220}>
              {p.statusReason}
            </Text>
          )}
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (p) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            aria-label={t("partnerDesk.staffNamed", { name: p.displayName })}
            onClick={() => setDialog({ kind: "staff", partner: p })}
          >
            {t("partnerDesk.staff")}
          </Button>
          {p.can.update && (
            <>
              <Button
                size="xs"
                variant="light"
                aria-label={t("common.editNamed", { name: p.displayName })}
                onClick={() => setDialog({ kind: "form", partner: p })}
              >
                {t("common.edit")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog({ kind: "payout", partner: p })}>
                {t("partnerDesk.payoutButton")}
              </Button>
              {p.status === "active" ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setDialog({ kind: "suspend", partner: p })}
                >
                  {t("partnerDesk.suspend")}
                </Button>
              ) : (
                <Button size="xs" variant="subtle" onClick={() => reactivate.mutate(p.id)}>
                  {t("partnerDesk.reactivate")}
                </Button>
              )}
            </>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={t("nav.partners")}
        action={
          manages && <Button onClick={() => setDialog({ kind: "form" })}>{t("partnerDesk.onboard")}</Button>
        }
      />
      <Text size="sm" c="dimmed" maw={720}>
        {t("partnerDesk.intro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("nav.partners")}
        minWidth={900}
        filters={
          <NativeSelect
            label={t("partnerDesk.status")}
            data={[
              { value: "", label: t("common.all") },
              { value: "active", label: t("partnerDesk.statuses.active") },
              { value: "suspended", label: t("partnerDesk.statuses.suspended") },
            ]}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            w={{ base: "100%", xs: 200 }}
          />
        }
        empty={
          <EmptyState
            icon={<IconUsers size={32} />}
            variant="light"
            title={t("partnerDesk.empty")}
            description={manages ? t("partnerDesk.emptyHint") : undefined}
            py="lg"
          />
        }
      />
      {dialog?.kind === "form" && (
        <PartnerFormModal partner={dialog.partner} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "payout" && <PayoutModal partner={dialog.partner} onClose={() => setDialog(null)} />}
      {dialog?.kind === "staff" && (
        <PartnerStaffDrawer partner={dialog.partner} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "suspend" && (
        <SuspendModal partner={dialog.partner} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
