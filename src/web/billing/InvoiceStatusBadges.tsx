import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/StatusBadge.js";
import { INVOICE_TONES, type InvoiceSummary, isOverdue, useBillingWords } from "./billing.js";

/** The notice's status, and "overdue" beside it once the due date has passed with money still due. */
export function InvoiceStatusBadges({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  return (
    <Group gap={4} wrap="nowrap">
      <StatusBadge tone={INVOICE_TONES[invoice.status]}>{words.status(invoice.status)}</StatusBadge>
      {isOverdue(invoice) && (
        <Badge color="red.9" variant="filled" tt="none" radius="sm">
          {t("billing.overdue")}
        </Badge>
      )}
    </Group>
  );
}
