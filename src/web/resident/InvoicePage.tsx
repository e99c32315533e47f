import { Anchor, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { type Invoice, isOpen, useBillingWords, useInvoice } from "../billing/billing.js";
import { InvoiceStatusBadges } from "../billing/InvoiceStatusBadges.js";
import { AfterFirstPaint } from "../components/AfterFirstPaint.js";
import { deferred } from "../components/deferred.js";
import { FormError } from "../components/forms.js";
import { formatDay } from "../format.js";
import { PaymentOutcome, PayOnlineButton } from "./online.js";

// Below what is due: its code (the QR code, the bank-app menu, the tables) loads once the notice is on screen.
const InvoiceDetails = deferred(() => import("./InvoiceDetails.js").then((m) => m.InvoiceDetails));

function Notice({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const open = isOpen(invoice);
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t("billing.resident.noticeTitle", { period: words.period(invoice.period) })}
        </Title>
        <Text c="dimmed" size="sm">
          {t("billing.resident.noticeMeta", { unit: invoice.unitCode, code: invoice.code })}
          {invoice.number && ` · ${t("billing.resident.numberShort", { number: invoice.number })}`}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" bg={open ? "blue.0" : undefined}>
        <Stack gap={6}>
          <InvoiceStatusBadges invoice={invoice} />
          <Text size="sm" c="dimmed">
            {open ? t("billing.resident.due") : t("billing.total")}
          </Text>
          <Text fz={32} fw={700} lh={1.2}>
            {words.vnd(open ? invoice.balance : invoice.total)}
          </Text>
          {open && invoice.dueOn && (
            <Text size="sm">{t("billing.resident.dueBy", { date: formatDay(invoice.dueOn) })}</Text>
          )}
          {invoice.status === "paid" && (
            <Text size="sm" c="teal.9">
              {t("billing.resident.paidInFull")}
            </Text>
          )}
        </Stack>
      </Paper>
      {open && <PayOnlineButton invoiceId={invoice.id} />}
      <AfterFirstPaint>
        <InvoiceDetails invoice={invoice} open={open} />
      </AfterFirstPaint>
    </Stack>
  );
}

/** One fee notice for the resident: what is due, the VietQR to pay it, its lines and payments, its PDF. */
export function InvoicePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const invoice = useInvoice(id);
  const outcome = useSearchParams()[0].get("payment");
  const { refetch } = invoice;
  // Back from the gateway: its IPN has already recorded the payment, so the notice is read again.
  useEffect(() => {
    if (outcome === "paid") void refetch();
  }, [outcome, refetch]);
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/invoices" size="sm">
        ← {t("billing.resident.back")}
      </Anchor>
      <PaymentOutcome />
      {invoice.isPending ? (
        <Center mih="40vh">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : invoice.isError ? (
        <FormError error={invoice.error} />
      ) : (
        <Notice invoice={invoice.data} />
      )}
    </Stack>
  );
}
