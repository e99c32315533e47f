import {
  Alert,
  Button,
  Center,
  Checkbox,
  Drawer,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api.js";
import {
  INVOICES_PATH,
  type Invoice,
  isOpen,
  type Payment,
  useBillingWords,
  useInvoice,
} from "../../billing/billing.js";
import {
  InvoiceLinesTable,
  InvoiceMeters,
  InvoicePayments,
  InvoiceTotals,
  PdfButton,
} from "../../billing/InvoiceParts.js";
import { InvoiceStatusBadges } from "../../billing/InvoiceStatusBadges.js";
import { Fact } from "../../components/Fact.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, showFieldErrors } from "../../components/forms.js";
import { formatDateTime, formatDay, vndInputProps } from "../../format.js";
import { useBillingAccess } from "../access.js";

type CashValues = { amount: number | string; note: string };

/** Cash at the office against the notice: the amount starts at what is due; a numbered receipt comes back. */
function CashModal({
  invoice,
  onClose,
  onPaid,
}: {
  invoice: Invoice;
  onClose: () => void;
  onPaid: (payment: Payment) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<CashValues>({
    initialValues: { amount: invoice.balance, note: "" },
    validate: {
      amount: (value) =>
        typeof value === "number" && Number.isInteger(value) && value >= 1 ? null : t("billing.cashInvalid"),
    },
  });
  // Far more than the unit owes is asked back once (OVERPAYMENT_UNCONFIRMED): the accountant confirms it.
  const [confirmOver, setConfirmOver] = useState(false);
  const pay = useMutation({
    mutationFn: (values: CashValues) =>
      api.POST("/payments/cash", {
        body: {
          invoiceId: invoice.id,
          amount: Number(values.amount),
          note: values.note.trim() || undefined,
          confirmOverpayment: confirmOver,
        },
      }),
    onSuccess: async (payment) => {
      await queryClient.invalidateQueries({ queryKey: [INVOICES_PATH] });
      onPaid(payment);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("billing.cashTitle", { code: invoice.code })}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => pay.mutate(values))}
      submitLabel={t("billing.cashSubmit")}
      pending={pay.isPending}
      error={pay.error}
      zIndex={400}
    >
      <NumberInput
        label={t("billing.cashAmount")}
        {...vndInputProps(i18n.language)}
        min={1}
        data-autofocus
        {...form.getInputProps("amount")}
      />
      <TextInput
        label={t("billing.cashNote")}
        placeholder={t("billing.cashNotePlaceholder")}
        maxLength={200}
        {...form.getInputProps("note")}
      />
      {Number(form.values.amount) > invoice.balance && (
        <Text size="sm" c="dimmed">
          {t("billing.cashOver")}
        </Text>
      )}
      {pay.error instanceof ApiError && pay.error.code === "OVERPAYMENT_UNCONFIRMED" && (
        <Checkbox
          label={t("billing.cashConfirmOver")}
          checked={confirmOver}
          onChange={(event) => setConfirmOver(event.currentTarget.checked)}
        />
      )}
    </FormModal>
  );
}

function InvoiceBody({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const { takesPayments } = useBillingAccess();
  const [paying, setPaying] = useState(false);
  const [receipt, setReceipt] = useState<Payment | null>(null);
  const receiptAlert = useRef<HTMLDivElement>(null);
  // The cash button is gone once the notice is paid: focus goes to the receipt rather than nowhere.
  useEffect(() => {
    if (receipt) receiptAlert.current?.focus();
  }, [receipt]);
  return (
    <Stack gap="md">
      <Group gap="sm" justify="space-between" align="flex-start">
        <InvoiceStatusBadges invoice={invoice} />
        <Group gap="sm">
          <PdfButton invoice={invoice} />
          {takesPayments && isOpen(invoice) && (
            <Button onClick={() => setPaying(true)}>{t("billing.cash")}</Button>
          )}
        </Group>
      </Group>
      {receipt && (
        <Alert
          ref={receiptAlert}
          tabIndex={-1}
          color="teal"
          variant="light"
          role="status"
          title={t("billing.cashDone")}
        >
          {t("billing.cashReceipt", {
            amount: words.vnd(receipt.amount),
            receipt: receipt.receiptNumber ?? "—",
          })}
          {receipt.credit > 0 && ` ${t("billing.cashCredit", { credit: words.vnd(receipt.credit) })}`}
        </Alert>
      )}
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm" m={0}>
        <Fact label={t("billing.number")}>{invoice.number ?? t("billing.noNumber")}</Fact>
        <Fact label={t("billing.code")}>{invoice.code}</Fact>
        <Fact label={t("billing.unit")}>{invoice.unitCode}</Fact>
        <Fact label={t("billing.period")}>{words.period(invoice.period)}</Fact>
        <Fact label={t("billing.billTo")}>{invoice.billTo ?? "—"}</Fact>
        <Fact label={t("billing.dueOn")}>{invoice.dueOn ? formatDay(invoice.dueOn) : "—"}</Fact>
        <Fact label={t("billing.issuedAt")}>
          {invoice.issuedAt ? formatDateTime(invoice.issuedAt) : t("billing.notIssued")}
        </Fact>
      </SimpleGrid>
      <Title order={3} size="h5">
        {t("billing.lines")}
      </Title>
      <InvoiceMeters invoice={invoice} />
      <InvoiceLinesTable invoice={invoice} />
      <InvoiceTotals invoice={invoice} />
      <Title order={3} size="h5">
        {t("billing.payments")}
      </Title>
      <InvoicePayments invoice={invoice} />
      {paying && (
        <CashModal
          invoice={invoice}
          onClose={() => setPaying(false)}
          onPaid={(payment) => {
            setPaying(false);
            setReceipt(payment);
          }}
        />
      )}
    </Stack>
  );
}

/** One notice, opened from the notices table: lines, totals, payments, its PDF and cash at the office. */
export function InvoiceDrawer({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useInvoice(invoiceId);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={
        query.data
          ? t("billing.noticeTitle", { code: query.data.code, unit: query.data.unitCode })
          : t("billing.notice")
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : query.isError ? (
        <FormError error={query.error} />
      ) : (
        <InvoiceBody invoice={query.data} />
      )}
    </Drawer>
  );
}
