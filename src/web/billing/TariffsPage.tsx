import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { TariffBody, TariffPreview } from "../../contracts/index.js";
import { api } from "../api.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { IconReceipt } from "../components/icons.js";
import { PageHeader, PageLoader } from "../components/Pages.js";
import { formatDay, formatNumber, formatVnd, parseDay, vndInputProps } from "../format.js";
import type { Tariff } from "./billing.js";

type Scope = Tariff["scope"];
type Preview = z.infer<typeof TariffPreview>;
type BandValues = { upTo: number | string; price: number | string };
type Values = {
  code: string;
  name: string;
  kind: Tariff["kind"];
  basis: Tariff["basis"];
  bands: BandValues[];
  vatRate: number | string;
  validFrom: string;
};
type Dialog =
  | { kind: "add"; from?: Tariff }
  | { kind: "edit"; version: Tariff }
  | { kind: "delete"; version: Tariff };

/** Where a scope's versions are kept: the platform admin's national routes, or the company's own. */
const pathOf = (scope: Scope) => (scope === "national" ? "/platform/tariffs" : "/tariffs");
const versionPathOf = (scope: Scope) => (scope === "national" ? "/platform/tariffs/{id}" : "/tariffs/{id}");
const previewPathOf = (scope: Scope) =>
  scope === "national" ? "/platform/tariffs/preview" : "/tariffs/preview";

function TariffFormModal({ scope, dialog, onClose }: { scope: Scope; dialog: Dialog; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = i18n.language;
  const vi = lang !== "en";
  const base = dialog.kind === "edit" ? dialog.version : dialog.kind === "add" ? dialog.from : undefined;
  const editing = dialog.kind === "edit" ? dialog.version : undefined;
  const [preview, setPreview] = useState<Preview | null>(null);
  const form = useForm<Values>({
    initialValues: {
      code: base?.code ?? "",
      name: base?.name ?? "",
      kind: base?.kind ?? (scope === "national" ? "electricity" : "water"),
      basis: base?.basis ?? "household",
      bands: base?.bands.map((b) => ({ upTo: b.upTo ?? "", price: b.price })) ?? [
        { upTo: 10, price: "" },
        { upTo: "", price: "" },
      ],
      vatRate: base?.vatRate ?? "",
      validFrom: editing ? formatDay(editing.validFrom) : "",
    },
    validate: {
      code: (value) => (/^[a-z0-9][a-z0-9-]{1,59}$/.test(value.trim()) ? null : t("tariffs.codeInvalid")),
      name: required,
      validFrom: (value) => (parseDay(value) ? null : t("validation.day")),
    },
  });
  const body = (values: Values): TariffBody => ({
    code: values.code.trim(),
    name: values.name.trim(),
    kind: values.kind,
    basis: values.basis,
    bands: values.bands.map((b, i) => ({
      upTo: i === values.bands.length - 1 || b.upTo === "" ? null : Number(b.upTo),
      price: Number(b.price || 0),
    })),
    vatRate: values.vatRate === "" ? null : Number(values.vatRate),
    validFrom: parseDay(values.validFrom) || "",
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      editing
        ? api.PUT(versionPathOf(scope), { params: { path: { id: editing.id } }, body: body(values) })
        : api.POST(pathOf(scope), { body: body(values) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [pathOf(scope)] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const previewing = useMutation({
    mutationFn: (values: Values) =>
      api.POST(previewPathOf(scope), { body: { tariff: body(values), replaces: editing?.id } }),
    onSuccess: setPreview,
  });
  // The column header names the unit (₫/kWh, ₫/m³), so prices carry no suffix.
  const moneyProps = { ...vndInputProps(lang), suffix: undefined };
  const bands = form.values.bands;
  const unit = form.values.kind === "electricity" ? "kWh" : "m³";

  return (
    <FormModal
      title={editing ? t("tariffs.edit", { code: editing.code }) : t("tariffs.add")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t("tariffs.code")}
          description={t("tariffs.codeHint")}
          autoComplete="off"
          disabled={Boolean(editing)}
          data-autofocus
          {...form.getInputProps("code")}
        />
        <TextInput label={t("tariffs.name")} autoComplete="off" {...form.getInputProps("name")} />
        <NativeSelect
          label={t("tariffs.kind")}
          disabled={scope === "company"}
          data={[
            { value: "electricity", label: t("tariffs.kinds.electricity") },
            { value: "water", label: t("tariffs.kinds.water") },
          ]}
          {...form.getInputProps("kind")}
        />
        <NativeSelect
          label={t("tariffs.basis")}
          data={[
            { value: "household", label: t("tariffs.bases.household") },
            { value: "person", label: t("tariffs.bases.person") },
          ]}
          {...form.getInputProps("basis")}
        />
        <TextInput
          label={t("tariffs.validFrom")}
          placeholder="dd/mm/yyyy"
          autoComplete="off"
          {...form.getInputProps("validFrom")}
        />
        <NumberInput
          label={t("tariffs.vatRate")}
          description={t("tariffs.vatHint")}
          min={0}
          max={100}
          decimalScale={2}
          allowNegative={false}
          decimalSeparator={vi ? "," : "."}
          suffix=" %"
          {...form.getInputProps("vatRate")}
        />
      </SimpleGrid>

      <Table aria-label={t("tariffs.bands")} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("tariffs.band")}</Table.Th>
            <Table.Th scope="col">{t("tariffs.upTo", { unit })}</Table.Th>
            <Table.Th scope="col">{t("tariffs.price", { unit })}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((_band, i) => {
            const last = i === bands.length - 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: bands are positions in the tariff
              <Table.Tr key={i}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  {last ? (
                    <Text size="sm">{t("tariffs.unlimited")}</Text>
                  ) : (
                    <NumberInput
                      aria-label={t("tariffs.upToOf", { band: i + 1 })}
                      {...moneyProps}
                      {...form.getInputProps(`bands.${i}.upTo`)}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t("tariffs.priceOf", { band: i + 1 })}
                    {...moneyProps}
                    suffix=" ₫"
                    {...form.getInputProps(`bands.${i}.price`)}
                  />
                </Table.Td>
                <Table.Td>
                  {bands.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("tariffs.removeBand", { band: i + 1 })}
                      onClick={() => form.removeListItem("bands", i)}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          onClick={() => form.insertListItem("bands", { upTo: "", price: "" }, Math.max(0, bands.length - 1))}
        >
          {t("tariffs.addBand")}
        </Button>
        <Button
          variant="light"
          loading={previewing.isPending}
          onClick={() => {
            if (!form.validate().hasErrors) previewing.mutate(form.values);
          }}
        >
          {t("tariffs.preview")}
        </Button>
      </Group>
      <FormError error={previewing.error} />
      {preview && (
        <Stack gap="xs" role="status">
          <Text fw={600}>
            {t("tariffs.previewTitle", { period: preview.period.split("-").reverse().join("/") })}
          </Text>
          <Table aria-label={t("tariffs.previewTitle", { period: preview.period })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("tariffs.consumption")}</Table.Th>
                <Table.Th scope="col">{t("tariffs.before")}</Table.Th>
                <Table.Th scope="col">{t("tariffs.after")}</Table.Th>
                <Table.Th scope="col">{t("tariffs.difference")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.consumption}>
                  <Table.Td>
                    {formatNumber(row.consumption, lang)} {unit}
                    {form.values.basis === "person"
                      ? ` · ${t("tariffs.persons", { count: row.persons })}`
                      : ""}
                  </Table.Td>
                  <Table.Td>{formatVnd(row.before.total, lang)}</Table.Td>
                  <Table.Td>{formatVnd(row.after.total, lang)}</Table.Td>
                  <Table.Td>
                    {row.after.total >= row.before.total ? "+" : "−"}
                    {formatVnd(Math.abs(row.after.total - row.before.total), lang)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t("tariffs.previewNote")}
          </Text>
        </Stack>
      )}
    </FormModal>
  );
}

/**
 * Tariff versions of one scope: the platform admin's national tariffs (EVN) or a company's local water tariffs.
 * A version an issued notice used is locked; a change is a new version from its valid-from date.
 */
function TariffsPage({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const path = pathOf(scope);
  const list = useQuery({
    queryKey: [path, scope],
    queryFn: () => api.GET(path, { params: { query: scope === "company" ? { scope } : undefined } }),
  });
  if (list.isPending) return <PageLoader />;
  const items = list.data?.items ?? [];
  const bandsText = (v: Tariff) =>
    v.bands
      .map((b, i) => {
        const from = i === 0 ? 0 : (v.bands[i - 1]?.upTo ?? 0) + 1;
        const range =
          b.upTo === null
            ? `${formatNumber(from, lang)}+`
            : `${formatNumber(from, lang)}–${formatNumber(b.upTo, lang)}`;
        return `${range}: ${formatVnd(b.price, lang)}`;
      })
      .join(" · ");

  return (
    <>
      <PageHeader
        title={scope === "national" ? t("tariffs.nationalTitle") : t("tariffs.companyTitle")}
        action={<Button onClick={() => setDialog({ kind: "add" })}>{t("tariffs.add")}</Button>}
      />
      <Text mb="md" c="dimmed" size="sm">
        {scope === "national" ? t("tariffs.nationalIntro") : t("tariffs.companyIntro")}
      </Text>
      <FormError error={list.error} />
      {items.length === 0 ? (
        <EmptyState
          icon={<IconReceipt size={32} />}
          variant="light"
          title={t("tariffs.emptyTitle")}
          description={t("tariffs.empty")}
        />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t("tariffs.versions")} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("tariffs.code")}</Table.Th>
                <Table.Th scope="col">{t("tariffs.validity")}</Table.Th>
                <Table.Th scope="col">{t("tariffs.bands")}</Table.Th>
                <Table.Th scope="col">{t("tariffs.vatRate")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {v.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {v.code} · {t(`tariffs.kinds.${v.kind}`)} · {t(`tariffs.bases.${v.basis}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDay(v.validFrom)} → {v.validUntil ? formatDay(v.validUntil) : t("tariffs.open")}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{bandsText(v)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {v.vatRate === null ? t("tariffs.ruleVat") : `${formatNumber(v.vatRate, lang)} %`}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {v.locked && v.scope === scope && (
                        <Badge variant="light" tt="none" size="md">
                          {t("tariffs.locked")}
                        </Badge>
                      )}
                      {v.scope === scope && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDialog({ kind: "add", from: v })}
                        >
                          {t("tariffs.newVersion")}
                        </Button>
                      )}
                      {!v.locked && (
                        <>
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setDialog({ kind: "edit", version: v })}
                          >
                            {t("common.edit")}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setDialog({ kind: "delete", version: v })}
                          >
                            {t("common.delete")}
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog && dialog.kind !== "delete" && (
        <TariffFormModal scope={scope} dialog={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "delete" && (
        <ConfirmModal
          title={t("tariffs.deleteTitle", { code: dialog.version.code })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await api.DELETE(versionPathOf(scope), { params: { path: { id: dialog.version.id } } });
            await queryClient.invalidateQueries({ queryKey: [path] });
          }}
          onClose={() => setDialog(null)}
        >
          {t("tariffs.deleteBody", { from: formatDay(dialog.version.validFrom) })}
        </ConfirmModal>
      )}
    </>
  );
}

export default TariffsPage;
