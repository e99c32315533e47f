import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { bankAppLinks } from "../billing/bankApps.js";
import { type Invoice, useBillingWords } from "../billing/billing.js";
import { copyText } from "../billing/copy.js";
import {
  InvoiceLinesTable,
  InvoiceMeters,
  InvoicePayments,
  InvoiceTotals,
  PdfButton,
} from "../billing/InvoiceParts.js";
import { VietQr } from "../billing/VietQr.js";

type Transfer = NonNullable<Invoice["transfer"]>;

function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={600}
        ff={mono ? "monospace" : undefined}
        style={{ wordBreak: "break-word" }}
      >
        {children}
      </Text>
    </div>
  );
}

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

/** How to pay by bank transfer: the VietQR code to scan, and the same details to type or paste. */
function TransferCard({ invoice, transfer }: { invoice: Invoice; transfer: Transfer }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const [copied, setCopied] = useState<boolean | null>(null);
  const bank = transfer.bankName ?? transfer.bankBin;
  const details = [
    `${t("billing.bank")}: ${bank}`,
    `${t("billing.accountNumber")}: ${transfer.accountNumber}`,
    `${t("billing.accountName")}: ${transfer.accountName}`,
    `${t("billing.amount")}: ${transfer.amount}`,
    `${t("billing.memo")}: ${transfer.memo}`,
  ].join("\n");
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="pay-by-transfer">
      <Stack gap="md">
        <Title order={2} size="h4" id="pay-by-transfer">
          {t("billing.resident.transferTitle")}
        </Title>
        <Center>
          <VietQr
            payload={transfer.qrPayload}
            label={t("billing.resident.qrLabel", {
              amount: words.vnd(transfer.amount),
              bank,
              code: invoice.code,
            })}
          />
        </Center>
        <Text size="sm" ta="center">
          {t("billing.resident.qrHint")}
        </Text>
        <PhoneTransfer invoice={invoice} transfer={transfer} />
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
          <Field label={t("billing.bank")}>{bank}</Field>
          <Field label={t("billing.accountNumber")} mono>
            {transfer.accountNumber}
          </Field>
          <Field label={t("billing.accountName")}>{transfer.accountName}</Field>
          <Field label={t("billing.amount")}>{words.vnd(transfer.amount)}</Field>
          <Field label={t("billing.memo")} mono>
            {transfer.memo}
          </Field>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t("billing.resident.memoHint")}
        </Text>
        <Stack gap={4}>
          <Button variant="default" onClick={async () => setCopied(await copyText(details))}>
            {t("billing.resident.copy")}
          </Button>
          <Text size="sm" role="status" c={copied === false ? "red.9" : "teal.9"} ta="center">
            {copied === null ? "" : copied ? t("billing.resident.copied") : t("billing.resident.copyFailed")}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}

/** A notice's page below what is due: how to pay by transfer, the lines, the payments made and the PDF. */
export function InvoiceDetails({ invoice, open }: { invoice: Invoice; open: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {invoice.transfer ? (
        <TransferCard invoice={invoice} transfer={invoice.transfer} />
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
