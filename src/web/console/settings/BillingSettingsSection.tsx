import { Button, Group, NumberInput, SimpleGrid, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { type BillingSettings, FEE_RULES_PATH, settingsPath } from "../../billing/billing.js";
import { FormError, showFieldErrors } from "../../components/forms.js";
import { vndInputProps } from "../../format.js";
import { useBillingAccess } from "../access.js";
import { Section, SectionLoader } from "../billing/Section.js";

type Values = { feeFrameMin: number | string; feeFrameMax: number | string; dueDays: number | string };

function SettingsForm({ buildingId, settings }: { buildingId: string; settings: BillingSettings }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { configures } = useBillingAccess();
  const money = (value: number | string) =>
    value === "" || (typeof value === "number" && Number.isInteger(value) && value >= 0)
      ? null
      : t("billing.moneyInvalid");
  const form = useForm<Values>({
    initialValues: {
      feeFrameMin: settings.feeFrameMin ?? "",
      feeFrameMax: settings.feeFrameMax ?? "",
      dueDays: settings.dueDays,
    },
    validate: {
      feeFrameMin: money,
      feeFrameMax: (value, values) => {
        const invalid = money(value);
        if (invalid) return invalid;
        return value !== "" && values.feeFrameMin !== "" && Number(value) < Number(values.feeFrameMin)
          ? t("billing.frameMaxBelowMin")
          : null;
      },
      dueDays: (value) =>
        typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 90
          ? null
          : t("billing.dueDaysInvalid"),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.PUT("/buildings/{id}/billing-settings", {
        params: { path: { id: buildingId } },
        body: {
          feeFrameMin: values.feeFrameMin === "" ? null : Number(values.feeFrameMin),
          feeFrameMax: values.feeFrameMax === "" ? null : Number(values.feeFrameMax),
          dueDays: Number(values.dueDays),
        },
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData([settingsPath(buildingId)], saved);
      form.resetDirty();
      // A rule's warning depends on the frame.
      await queryClient.invalidateQueries({ queryKey: [FEE_RULES_PATH] });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  const moneyProps = { ...vndInputProps(i18n.language), readOnly: !configures };
  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      noValidate
      aria-labelledby="billing-settings"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <NumberInput
          label={t("billing.feeFrameMin")}
          description={t("billing.feeFrameHint")}
          {...moneyProps}
          {...form.getInputProps("feeFrameMin")}
        />
        <NumberInput
          label={t("billing.feeFrameMax")}
          description={t("billing.feeFrameHint")}
          {...moneyProps}
          {...form.getInputProps("feeFrameMax")}
        />
        <NumberInput
          label={t("billing.dueDays")}
          description={t("billing.dueDaysHint")}
          min={0}
          max={90}
          allowDecimal={false}
          allowNegative={false}
          readOnly={!configures}
          {...form.getInputProps("dueDays")}
        />
      </SimpleGrid>
      <FormError error={save.error} />
      {configures && (
        <Group mt="sm" gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <Text size="sm" c="teal.9" role="status">
            {save.isSuccess && !form.isDirty() ? t("common.saved") : ""}
          </Text>
        </Group>
      )}
    </form>
  );
}

/** The building's billing settings: the province's management-fee frame per m² and days to pay a notice. */
export function BillingSettingsSection({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: [settingsPath(buildingId)],
    queryFn: () => api.GET("/buildings/{id}/billing-settings", { params: { path: { id: buildingId } } }),
  });
  return (
    <Section id="billing-settings" title={t("billing.settings")}>
      {settings.isPending ? (
        <SectionLoader />
      ) : settings.isError ? (
        <FormError error={settings.error} />
      ) : (
        <SettingsForm buildingId={buildingId} settings={settings.data} />
      )}
    </Section>
  );
}
