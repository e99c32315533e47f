import { Button, Center, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatVnd } from "../format.js";
import type { Invoice } from "./billing.js";
import { copyText } from "./copy.js";
import { VietQr } from "./VietQr.js";

/** The same instructions as any transfer the building's account receives (`TransferInstructions`). */
type Transfer = NonNullable<Invoice["transfer"]>;

/** A label and its value in a description list (`dl`). */
export function DetailField({
  label,
  children,
  mono,
}: {
  label: string;
  children: ReactNode;
  mono?: boolean;
}) {
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
 * How to pay by bank transfer (a fee notice, an order): the VietQR code to scan, and the same details to type
 * or paste, with what the memo is for. `children` stand between the QR code and the details (saving the QR).
 */
export function TransferCard({
  transfer,
  code,
  title,
  memoHint,
  id,
  qrSize,
  children,
}: {
  transfer: Transfer;
  /** What the QR code's label names the payment by (the notice's or the order's code). */
  code: string;
  title: string;
  memoHint: string;
  id: string;
  qrSize?: number;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const bank = transfer.bankName ?? transfer.bankBin;
  const amount = formatVnd(transfer.amount, i18n.language);
  const details = [
    `${t("billing.bank")}: ${bank}`,
    `${t("billing.accountNumber")}: ${transfer.accountNumber}`,
    `${t("billing.accountName")}: ${transfer.accountName}`,
    `${t("billing.amount")}: ${transfer.amount}`,
    `${t("billing.memo")}: ${transfer.memo}`,
  ].join("\n");
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Center>
          <VietQr
            payload={transfer.qrPayload}
            size={qrSize}
            label={t("billing.resident.qrLabel", { amount, bank, code })}
          />
        </Center>
        <Text size="sm" ta="center">
          {t("billing.resident.qrHint")}
        </Text>
        {children}
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
          <DetailField label={t("billing.bank")}>{bank}</DetailField>
          <DetailField label={t("billing.accountNumber")} mono>
            {transfer.accountNumber}
          </DetailField>
          <DetailField label={t("billing.accountName")}>{transfer.accountName}</DetailField>
          <DetailField label={t("billing.amount")}>{amount}</DetailField>
          <DetailField label={t("billing.memo")} mono>
            {transfer.memo}
          </DetailField>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {memoHint}
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
