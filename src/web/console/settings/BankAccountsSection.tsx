import { Button, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
// Plain data (NAPAS BINs and names) with no server imports: the same list the server checks BINs against.
import { api } from "../../api.js";
import { BANK_ACCOUNTS_PATH } from "../../billing/billing.js";
import { BANK_OPTIONS } from "../../components/bankOptions.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { useBillingAccess } from "../access.js";
import { Section, SectionLoader } from "../billing/Section.js";

type Values = { bankBin: string | null; accountNumber: string; accountName: string };

function AddBankAccountModal({ buildingId, onClose }: { buildingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { bankBin: null, accountNumber: "", accountName: "" },
    validate: {
      bankBin: (value) => (value ? null : t("billing.bankRequired")),
      accountNumber: (value) =>
        /^[0-9A-Za-z]{4,19}$/.test(value.trim()) ? null : t("billing.accountNumberInvalid"),
      accountName: required,
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.POST(BANK_ACCOUNTS_PATH, {
        body: {
          buildingId,
          // The form requires a bank before it submits.
          bankBin: values.bankBin ?? "",
          accountNumber: values.accountNumber.trim(),
          accountName: values.accountName.trim(),
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [BANK_ACCOUNTS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("billing.addBankAccountTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
    >
      <Select
        label={t("billing.bank")}
        placeholder={t("billing.bankPlaceholder")}
        data={BANK_OPTIONS}
        searchable
        nothingFoundMessage={t("common.nothingFound")}
        data-autofocus
        {...form.getInputProps("bankBin")}
      />
      <TextInput
        label={t("billing.accountNumber")}
        inputMode="numeric"
        autoComplete="off"
        {...form.getInputProps("accountNumber")}
      />
      <TextInput
        label={t("billing.accountName")}
        description={t("billing.accountNameHint")}
        autoComplete="off"
        {...form.getInputProps("accountName")}
      />
      <Text size="sm" c="dimmed">
        {t("billing.newAccountUsed")}
      </Text>
    </FormModal>
  );
}

/** The accounts residents pay into; the newest is printed on notices and in the app's VietQR. */
export function BankAccountsSection({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const { configures } = useBillingAccess();
  const [adding, setAdding] = useState(false);
  const accounts = useQuery({
    queryKey: [BANK_ACCOUNTS_PATH, { buildingId }],
    queryFn: () => api.GET(BANK_ACCOUNTS_PATH, { params: { query: { buildingId } } }),
  });
  const items = accounts.data?.items ?? [];
  const inUse = items.at(-1)?.id;

  return (
    <Section
      id="bank-accounts"
      title={t("billing.bankAccounts")}
      action={configures && <Button onClick={() => setAdding(true)}>{t("billing.addBankAccount")}</Button>}
    >
      {accounts.isPending ? (
        <SectionLoader />
      ) : accounts.isError ? (
        <FormError error={accounts.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {configures ? t("billing.bankAccountsEmpty") : t("billing.bankAccountsEmptyReadOnly")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t("billing.bankAccounts")} striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("billing.bank")}</Table.Th>
                <Table.Th scope="col">{t("billing.accountNumber")}</Table.Th>
                <Table.Th scope="col">{t("billing.accountName")}</Table.Th>
                <Table.Th scope="col">{t("common.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {account.bankName ?? account.bankBin}
                      </Text>
                      <Text size="xs" c="dimmed">
                        BIN {account.bankBin}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td ff="monospace">{account.accountNumber}</Table.Td>
                  <Table.Td>{account.accountName}</Table.Td>
                  <Table.Td>
                    {account.id === inUse ? (
                      <StatusBadge tone="positive">{t("billing.accountInUse")}</StatusBadge>
                    ) : (
                      <StatusBadge tone="inactive">{t("billing.accountOld")}</StatusBadge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <AddBankAccountModal buildingId={buildingId} onClose={() => setAdding(false)} />}
    </Section>
  );
}
