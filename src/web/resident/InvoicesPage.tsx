import {
  Alert,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { INVOICES_PATH, type InvoiceSummary, isOpen, useBillingWords } from "../billing/billing.js";
import { InvoiceStatusBadges } from "../billing/InvoiceStatusBadges.js";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconReceipt } from "../components/icons.js";
import { PageNav } from "../components/PageNav.js";
import { PageHeader } from "../components/Pages.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDay } from "../format.js";
import { AmountDue } from "./AmountDue.js";
import { AutopayCard } from "./autopay.js";
import { PaymentOutcome } from "./online.js";
import { useChosenUnit } from "./units.js";

function InvoiceCard({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const open = isOpen(invoice);
  return (
    <UnstyledButton component={Link} to={`/app/invoices/${invoice.id}`} display="block">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Stack gap={4}>
            <Text fw={700}>{words.period(invoice.period)}</Text>
            <InvoiceStatusBadges invoice={invoice} />
            {invoice.dueOn && open && (
              <Text size="sm" c="dimmed">
                {t("billing.resident.dueBy", { date: formatDay(invoice.dueOn) })}
              </Text>
            )}
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed">
              {open ? t("billing.balance") : t("billing.total")}
            </Text>
            <Text fw={700} style={{ whiteSpace: "nowrap" }}>
              {words.vnd(open ? invoice.balance : invoice.total)}
            </Text>
          </Stack>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

function UnitInvoices({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const list = usePagedList(INVOICES_PATH, {}, undefined, { unitId });
  const { query, page, setPage } = list;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (query.isError) return <FormError error={query.error} />;
  if (query.data.items.length === 0) {
    return (
      <EmptyState
        icon={<IconReceipt size={32} />}
        variant="light"
        title={t("resident.invoices.emptyTitle")}
        description={t("resident.invoices.empty")}
        py="xl"
      />
    );
  }
  return (
    <Stack gap="sm">
      <AmountDue unitId={unitId} withList={false} />
      <AutopayCard unitId={unitId} />
      <Title order={2} size="h4" mt="sm" id="notices-list">
        {t("billing.resident.notices")}
      </Title>
      <ItemList labelledBy="notices-list">
        {query.data.items.map((invoice) => (
          <li key={invoice.id}>
            <InvoiceCard invoice={invoice} />
          </li>
        ))}
      </ItemList>
      <PageNav total={query.data.total} pageSize={query.data.pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}

/** Hóa đơn: the chosen unit's fee notices, what is due first. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const { units, chosen } = useChosenUnit();
  return (
    <Stack maw={720} mx="auto" gap="xs">
      <PageHeader title={t("resident.invoices.title")} />
      <PaymentOutcome />
      {units.length === 0 && (
        <Alert color="blue" variant="light">
          {t("household.noUnits")}
        </Alert>
      )}
      {chosen && (
        <section aria-label={chosen.label}>
          <UnitInvoices key={chosen.unitId} unitId={chosen.unitId} />
        </section>
      )}
    </Stack>
  );
}
