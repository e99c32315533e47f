import { Alert, Box, Button, Group, Menu, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { bankAppLinks } from "../billing/bankApps.js";
import type { Invoice } from "../billing/billing.js";
import {
  InvoiceLinesTable,
  InvoiceMeters,
  InvoicePayments,
  InvoiceTotals,
  PdfButton,
} from "../billing/InvoiceParts.js";
import { TransferCard } from "../billing/TransferCard.js";

type Transfer = NonNullable<Invoice["transfer"]>;

/**
 * A QR code cannot be scanned by the phone that shows it: save it as an image (the banking app scans it from
 * the gallery), or open the transfer in a banking app that fills it in (on phones, where such apps live).
 */
function PhoneTransfer({ invoice, transfer }: { invoice: Invoice; transfer: Transfer }) {
  const { t } = useTranslation();
  const links = bankAppLinks(transfer, window.location.href.split("?")[0] ?? "");
  return (
    <Stack gap="xs">
      <Button
        component="a"
        href={`/api/v1/invoices/${invoice.id}/vietqr.png`}
        download={`VietQR-${invoice.code}.png`}
        variant="light"
      >
        {t("billing.resident.saveQr")}
      </Button>
      <Text size="xs" c="dimmed" ta="center">
        {t("billing.resident.saveQrHint")}
      </Text>
      {links.length > 0 && (
        <Box hiddenFrom="sm">
          <Menu position="bottom" width="target">
            <Menu.Target>
              <Button variant="default" fullWidth>
                {t("billing.resident.openBankApp")}
              </Button>
            </Menu.Target>
            {/* A menu holds only its items (axe: aria-required-children): the hint stands under the button. */}
            <Menu.Dropdown>
              {links.map((link) => (
                <Menu.Item key={link.app} component="a" href={link.href} rel="noopener">
                  {link.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Text size="xs" c="dimmed" ta="center" mt={4}>
            {t("billing.resident.bankAppHint")}
          </Text>
        </Box>
      )}
    </Stack>
  );
}

/** A notice's page below what is due: how to pay by transfer, the lines, the payments made and the PDF. */
export function InvoiceDetails({ invoice, open }: { invoice: Invoice; open: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {invoice.transfer ? (
        <TransferCard
          transfer={invoice.transfer}
          code={invoice.code}
          title={t("billing.resident.transferTitle")}
          memoHint={t("billing.resident.memoHint")}
          id="pay-by-transfer"
        >
          <PhoneTransfer invoice={invoice} transfer={invoice.transfer} />
        </TransferCard>
      ) : (
        open && (
          <Alert color="blue" variant="light">
            {t("billing.resident.noTransfer")}
          </Alert>
        )
      )}
      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="notice-lines">
        <Stack gap="sm">
          <Title order={2} size="h4" id="notice-lines">
            {t("billing.lines")}
          </Title>
          <InvoiceMeters invoice={invoice} />
          <InvoiceLinesTable invoice={invoice} compact />
          <InvoiceTotals invoice={invoice} />
        </Stack>
      </Paper>
      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="notice-payments">
        <Stack gap="sm">
          <Title order={2} size="h4" id="notice-payments">
            {t("billing.payments")}
          </Title>
          <InvoicePayments invoice={invoice} />
        </Stack>
      </Paper>
      <Group>
        <PdfButton invoice={invoice} />
      </Group>
    </>
  );
}
