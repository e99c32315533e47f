import { Anchor, Badge, Button, EmptyState, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "../../locales/settings.js";
import { api } from "../../api.js";
import { FEE_RULES_PATH, type FeeRule, TARIFFS_PATH, useBillingWords } from "../../billing/billing.js";
import { OnBehalfMark } from "../../billing/InvoiceParts.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError } from "../../components/forms.js";
import { IconReceipt } from "../../components/icons.js";
import { formatDay } from "../../format.js";
import { useRegistryWords } from "../../registry/registry.js";
import { useBillingAccess } from "../access.js";
import { useUnitWords } from "../units/units.js";
import { FeeRuleFormModal } from "./FeeRuleFormModal.js";
import { Section, SectionLoader } from "./Section.js";
import { BillingPage, type BillingScope } from "./scope.js";

type Dialog = { kind: "create" } | { kind: "edit"; rule: FeeRule } | { kind: "delete"; rule: FeeRule };

/** Tariffs change rarely (they are platform data): read once per visit. */
function useTariffs() {
  return useQuery({
    queryKey: [TARIFFS_PATH],
    queryFn: () => api.GET(TARIFFS_PATH),
    staleTime: 10 * 60_000,
  });
}

/** A warning on a rule (a management fee outside the province's frame): yellow, the whole message readable. */
function WarningBadge({ message }: { message: string }) {
  return (
    <Badge
      color="yellow.3"
      autoContrast
      variant="filled"
      tt="none"
      radius="sm"
      h="auto"
      py={2}
      styles={{ label: { whiteSpace: "normal", overflow: "visible", lineHeight: 1.4 } }}
    >
      ⚠ {message}
    </Badge>
  );
}

function FeeRulesSection({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const unitWords = useUnitWords();
  const registryWords = useRegistryWords();
  const queryClient = useQueryClient();
  const access = useBillingAccess();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const buildingId = scope.building.id;
  const rules = useQuery({
    queryKey: [FEE_RULES_PATH, { buildingId }],
    queryFn: () => api.GET(FEE_RULES_PATH, { params: { query: { buildingId } } }),
  });
  const tariffs = useTariffs();
  const tariffName = (code: string | null) =>
    tariffs.data?.items.find((tariff) => tariff.code === code)?.name ?? code ?? "—";

  const appliesTo = (rule: FeeRule) => {
    if (rule.kind === "vehicle" && rule.vehicleType) return registryWords.vehicleType(rule.vehicleType);
    if (rule.unitType) return unitWords.type(rule.unitType);
    return t("billing.allUnits");
  };
  const price = (rule: FeeRule) => {
    if (rule.kind === "electricity" || rule.kind === "water") {
      return (
        <>
          {tariffName(rule.tariffCode)}
          {rule.surchargePercent !== null && (
            <Text size="xs" c="dimmed">
              {t("billing.surchargeShort", {
                name: rule.surchargeName ?? "",
                percent: words.percent(rule.surchargePercent),
              })}
            </Text>
          )}
        </>
      );
    }
    const amount = words.vnd(rule.price ?? 0);
    if (rule.kind === "area") return t("billing.perM2", { price: amount });
    if (rule.kind === "fixed") return t("billing.perUnit", { price: amount });
    return (
      <>
        {t("billing.perVehicle", { price: amount })}
        {rule.priceNext !== null && (
          <Text size="xs" c="dimmed">
            {t("billing.perNextVehicle", { price: words.vnd(rule.priceNext) })}
          </Text>
        )}
      </>
    );
  };

  const create = () => setDialog({ kind: "create" });
  let body: ReactNode;
  if (rules.isPending) body = <SectionLoader />;
  else if (rules.isError) body = <FormError error={rules.error} />;
  else if (rules.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconReceipt size={32} />}
        variant="light"
        title={t("billing.rulesEmptyTitle")}
        description={access.configures ? t("billing.rulesEmpty") : t("billing.rulesEmptyReadOnly")}
        py="lg"
      >
        {access.configures && (
          <EmptyState.Actions>
            <Button onClick={create}>{t("billing.addRule")}</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={960}>
        <Table aria-label={t("billing.rules")} striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("billing.kind")}</Table.Th>
              <Table.Th scope="col">{t("billing.ruleName")}</Table.Th>
              <Table.Th scope="col">{t("billing.appliesTo")}</Table.Th>
              <Table.Th scope="col">{t("billing.priceOrTariff")}</Table.Th>
              <Table.Th scope="col">{t("billing.vat")}</Table.Th>
              <Table.Th scope="col">{t("billing.onBehalf")}</Table.Th>
              <Table.Th scope="col">{t("billing.valid")}</Table.Th>
              {access.configures && <Table.Th scope="col">{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.items.map((rule) => (
              <Table.Tr key={rule.id}>
                <Table.Td>{words.kind(rule.kind)}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {rule.name}
                    </Text>
                    {rule.warnings.map((warning) => (
                      <WarningBadge key={warning.code} message={warning.message} />
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>{appliesTo(rule)}</Table.Td>
                <Table.Td>{price(rule)}</Table.Td>
                <Table.Td>{rule.vatRate > 0 ? words.percent(rule.vatRate) : "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{rule.onBehalf ? <OnBehalfMark /> : "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {t("billing.validRange", {
                    from: formatDay(rule.validFrom),
                    to: rule.validTo ? formatDay(rule.validTo) : t("billing.openEnded"),
                  })}
                </Table.Td>
                {access.configures && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        variant="subtle"
                        size="xs"
                        onClick={() => setDialog({ kind: "edit", rule })}
                        aria-label={t("common.editNamed", { name: rule.name })}
                      >
                        {t("common.edit")}
                      </Button>
                      <Button
                        variant="subtle"
                        size="xs"
                        color="red"
                        onClick={() => setDialog({ kind: "delete", rule })}
                        aria-label={t("common.deleteNamed", { name: rule.name })}
                      >
                        {t("common.delete")}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Section
      id="fee-rules"
      title={t("billing.rules")}
      action={
        access.configures &&
        rules.data &&
        rules.data.items.length > 0 && <Button onClick={create}>{t("billing.addRule")}</Button>
      }
    >
      {body}
      {(dialog?.kind === "create" || dialog?.kind === "edit") && (
        <FeeRuleFormModal
          buildingId={buildingId}
          tariffs={tariffs.data?.items ?? []}
          rule={dialog.kind === "edit" ? dialog.rule : undefined}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "delete" && (
        <ConfirmModal
          title={t("billing.deleteRuleTitle")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.DELETE("/fee-rules/{id}", { params: { path: { id: dialog.rule.id } } });
            await queryClient.invalidateQueries({ queryKey: [FEE_RULES_PATH] });
          }}
        >
          {t("billing.deleteRuleConfirm", { name: dialog.rule.name })}
        </ConfirmModal>
      )}
    </Section>
  );
}

/** The building's billing settings and bank accounts moved to the settings page: a pointer there. */
function SettingsLink({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Anchor component={Link} to={`/console/settings?building=${buildingId}#billing`}>
        {t("settings.billingMoved")}
      </Anchor>
    </Text>
  );
}

/** Khoản phí: a building's fee rules (its billing settings and bank accounts are on the settings page). */
export default function FeeRulesPage() {
  const { t } = useTranslation();
  return (
    <BillingPage title={t("billing.feesTitle")}>
      {(scope) => (
        <>
          <FeeRulesSection scope={scope} />
          <SettingsLink buildingId={scope.building.id} />
        </>
      )}
    </BillingPage>
  );
}
