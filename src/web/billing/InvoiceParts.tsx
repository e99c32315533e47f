import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, saveDownload } from "../api.js";
import { FormError } from "../components/forms.js";
import { formatDateTime } from "../format.js";
import { type Invoice, type InvoiceSummary, useBillingWords } from "./billing.js";

/** The mark of a line collected on behalf of the utility (thu hộ). */
export function OnBehalfMark() {
  const { t } = useTranslation();
  return (
    <Badge
      color="gray.7"
      variant="outline"
      tt="none"
      radius="sm"
      size="sm"
      style={{ flexShrink: 0 }}
      miw="max-content"
    >
      {t("billing.onBehalf")}
    </Badge>
  );
}

/**
 * The notice's lines. Full: description, quantity and unit, unit price, amount, VAT, thu hộ. Compact (phones):
 * the description with quantity × unit price under it, and the amount.
 */
export function InvoiceLinesTable({ invoice, compact = false }: { invoice: Invoice; compact?: boolean }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  // A surcharge's quantity is its rate as a fraction (0.10 with "%"): shown as the percentage it is.
  const quantity = (line: Invoice["lines"][number]) =>
    line.unitLabel === "%"
      ? words.percent(Number(line.quantity) * 100)
      : `${words.number(Number(line.quantity), 3)} ${line.unitLabel}`.trim();
  const prorated = (line: Invoice["lines"][number]) =>
    line.days > 0 && line.days < line.periodDays
      ? t("billing.prorated", { days: line.days, of: line.periodDays })
      : null;
  const vat = (line: Invoice["lines"][number]) =>
    line.vatRate > 0 ? `${words.vnd(line.vat)} (${words.percent(line.vatRate)})` : "—";

  if (compact) {
    return (
      <Table aria-label={t("billing.lines")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("billing.line")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("billing.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line) => (
            <Table.Tr key={line.lineNo}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {line.description}
                  </Text>
                  {line.onBehalf && <OnBehalfMark />}
                </Group>
                <Text size="xs" c="dimmed">
                  {quantity(line)} × {words.vnd(line.unitPrice)}
                  {prorated(line) && ` · ${prorated(line)}`}
                  {line.vatRate > 0 && ` · ${t("billing.vatShort")} ${vat(line)}`}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {words.vnd(line.amount + line.vat)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t("billing.lines")} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("billing.line")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("billing.quantity")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("billing.unitPrice")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("billing.amount")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("billing.vat")}
            </Table.Th>
            <Table.Th scope="col">{t("billing.onBehalf")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line) => (
            <Table.Tr key={line.lineNo}>
              <Table.Td>
                {line.description}
                {prorated(line) && (
                  <Text size="xs" c="dimmed">
                    {prorated(line)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {quantity(line)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {words.vnd(line.unitPrice)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {words.vnd(line.amount)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {vat(line)}
              </Table.Td>
              <Table.Td>{line.onBehalf && <OnBehalfMark />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TotalRow({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap">
      <Text component="dt" size="sm" c={strong ? undefined : "dimmed"} fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={strong ? 700 : 500} size={strong ? "md" : "sm"} ta="right">
        {children}
      </Text>
    </Group>
  );
}

/** Subtotal, VAT, total (with what of it is collected on behalf), paid and the balance; the total in words. */
export function InvoiceTotals({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const onBehalf = invoice.lines
    .filter((line) => line.onBehalf)
    .reduce((sum, line) => sum + line.amount + line.vat, 0);
  return (
    <Stack gap={6}>
      <Stack component="dl" gap={4} m={0}>
        <TotalRow label={t("billing.subtotal")}>{words.vnd(invoice.subtotal)}</TotalRow>
        <TotalRow label={t("billing.vatTotal")}>{words.vnd(invoice.vatTotal)}</TotalRow>
        <TotalRow label={t("billing.total")} strong>
          {words.vnd(invoice.total)}
        </TotalRow>
        {onBehalf > 0 && <TotalRow label={t("billing.ofWhichOnBehalf")}>{words.vnd(onBehalf)}</TotalRow>}
        <TotalRow label={t("billing.paid")}>{words.vnd(invoice.paid)}</TotalRow>
        <TotalRow label={t("billing.balance")} strong>
          {words.vnd(invoice.balance)}
        </TotalRow>
      </Stack>
      <Text size="sm" fs="italic">
        {t("billing.inWords", { words: invoice.amountInWords })}
      </Text>
    </Stack>
  );
}

/** Money received against the notice: when, how, how much; nothing when there is none. */
export function InvoicePayments({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  if (invoice.payments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("billing.noPayments")}
      </Text>
    );
  }
  return (
    <Table aria-label={t("billing.payments")} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("billing.receivedAt")}</Table.Th>
          <Table.Th scope="col">{t("billing.method")}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("billing.amount")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.payments.map((payment) => (
          <Table.Tr key={payment.id}>
            <Table.Td>{formatDateTime(payment.receivedAt)}</Table.Td>
            <Table.Td>{words.method(payment.method)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
              {words.vnd(payment.amount)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Downloads the notice as the PDF the building prints (with its VietQR). */
export function PdfButton({ invoice, variant = "default" }: { invoice: InvoiceSummary; variant?: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => api.download("/invoices/{id}/pdf", { params: { path: { id: invoice.id } } }),
    onSuccess: saveDownload,
  });
  return (
    <Stack gap={4}>
      <Button
        variant={variant}
        loading={download.isPending}
        onClick={() => download.mutate()}
        aria-label={t("billing.pdfNamed", { code: invoice.code })}
      >
        {t("billing.pdf")}
      </Button>
      <FormError error={download.error} />
    </Stack>
  );
}

/**
 * Chỉ số công tơ: each meter's previous and current reading and the consumption between them, above the
 * lines that price it band by band. Nothing when the notice charges no meter.
 */
export function InvoiceMeters({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  if (invoice.meters.length === 0) return null;
  return (
    <Table aria-label={t("billing.metersTitle")} verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("billing.metersTitle")}</Table.Th>
          <Table.Th ta="right">{t("billing.meterPrevious")}</Table.Th>
          <Table.Th ta="right">{t("billing.meterCurrent")}</Table.Th>
          <Table.Th ta="right">{t("billing.meterConsumption")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.meters.map((m) => (
          <Table.Tr key={m.kind}>
            <Table.Td>{words.meter(m.kind)}</Table.Td>
            <Table.Td ta="right">{words.number(m.previous, 0)}</Table.Td>
            <Table.Td ta="right">{words.number(m.current, 0)}</Table.Td>
            <Table.Td ta="right" fw={600} style={{ whiteSpace: "nowrap" }}>
              {words.number(m.consumption, 0)} {m.unitLabel}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
