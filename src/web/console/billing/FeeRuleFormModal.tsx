import { Checkbox, NativeSelect, NumberInput, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { FeeRuleBody } from "../../../contracts/index.js";
import { api } from "../../api.js";
import {
  FEE_RULE_KINDS,
  FEE_RULES_PATH,
  type FeeRule,
  type FeeRuleKind,
  type Tariff,
  useBillingWords,
} from "../../billing/billing.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { formatDay, parseDay, today, vndInputProps } from "../../format.js";
import { useRegistryWords, VEHICLE_TYPES, type VehicleType } from "../../registry/registry.js";
import { UNIT_TYPES, type UnitType, useUnitWords } from "../units/units.js";

type Values = {
  kind: FeeRuleKind;
  name: string;
  unitType: UnitType | "";
  vehicleType: VehicleType;
  price: number | string;
  priceNext: number | string;
  tariffCode: string;
  surchargePercent: number | string;
  surchargeName: string;
  vatRate: number | string;
  onBehalf: boolean;
  validFrom: string;
  validTo: string;
};

const metered = (kind: FeeRuleKind) => kind === "electricity" || kind === "water";
/** VAT the utilities charge on household supply (DESIGN §2: electricity 8%; water 5%). */
const METERED_VAT: Partial<Record<FeeRuleKind, number>> = { electricity: 8, water: 5 };

type Props = {
  buildingId: string;
  tariffs: Tariff[];
  /** The rule to edit; without it, a new rule. */
  rule?: FeeRule;
  onClose: () => void;
};

/**
 * Creates or edits a fee rule. The fields depend on its kind: a price per m², per unit or per vehicle, or a
 * tariff for metered electricity and water (with an optional surcharge for water).
 */
export function FeeRuleFormModal({ buildingId, tariffs, rule, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const words = useBillingWords();
  const unitWords = useUnitWords();
  const registryWords = useRegistryWords();
  const queryClient = useQueryClient();
  const vi = i18n.language !== "en";
  const defaultName = (kind: FeeRuleKind) => t(`billing.defaultNames.${kind}`);

  const day = (value: string) => (value.trim() && parseDay(value) === null ? t("validation.day") : null);
  const money = (value: number | string) =>
    typeof value === "number" && Number.isInteger(value) && value >= 0 ? null : t("billing.moneyInvalid");
  const form = useForm<Values>({
    initialValues: {
      kind: rule?.kind ?? "area",
      name: rule?.name ?? defaultName("area"),
      unitType: rule?.unitType ?? "",
      vehicleType: rule?.vehicleType ?? "motorbike",
      price: rule?.price ?? "",
      priceNext: rule?.priceNext ?? "",
      tariffCode: rule?.tariffCode ?? "",
      surchargePercent: rule?.surchargePercent ?? "",
      surchargeName: rule?.surchargeName ?? "",
      vatRate: rule?.vatRate ?? 0,
      onBehalf: rule?.onBehalf ?? false,
      validFrom: formatDay(rule?.validFrom ?? `${today().slice(0, 7)}-01`),
      validTo: rule?.validTo ? formatDay(rule.validTo) : "",
    },
    validate: {
      name: required,
      price: (value, values) => (metered(values.kind) ? null : money(value)),
      priceNext: (value, values) => (values.kind !== "vehicle" || value === "" ? null : money(value)),
      tariffCode: (value, values) => (metered(values.kind) && !value ? t("billing.tariffRequired") : null),
      surchargeName: (value, values) =>
        values.kind === "water" && values.surchargePercent !== "" && !value.trim()
          ? t("billing.surchargeNameRequired")
          : null,
      vatRate: (value) =>
        typeof value === "number" && value >= 0 && value <= 100 ? null : t("billing.percentInvalid"),
      validFrom: (value) => (parseDay(value) ? null : t("validation.day")),
      validTo: (value, values) => {
        const invalid = day(value);
        if (invalid) return invalid;
        const from = parseDay(values.validFrom);
        const to = parseDay(value);
        return from && to && to < from ? t("billing.validToBeforeFrom") : null;
      },
    },
  });

  const changeKind = (kind: FeeRuleKind) => {
    const previous = form.values.kind;
    form.setFieldValue("kind", kind);
    // A name still as suggested follows the kind; one the person typed stays.
    if (!form.values.name.trim() || form.values.name === defaultName(previous)) {
      form.setFieldValue("name", defaultName(kind));
    }
    if (!rule) {
      form.setFieldValue("onBehalf", metered(kind));
      form.setFieldValue("vatRate", METERED_VAT[kind] ?? 0);
      form.setFieldValue("tariffCode", tariffs.find((tariff) => tariff.kind === kind)?.code ?? "");
    }
  };

  const save = useMutation({
    mutationFn: (values: Values) => {
      const kind = values.kind;
      const amount = (value: number | string) => (value === "" ? null : Number(value));
      const surcharge = kind === "water" && values.surchargePercent !== "";
      const body: FeeRuleBody = {
        buildingId,
        kind,
        name: values.name.trim(),
        unitType: kind === "area" || kind === "fixed" ? values.unitType || null : null,
        vehicleType: kind === "vehicle" ? values.vehicleType : null,
        price: metered(kind) ? null : amount(values.price),
        priceNext: kind === "vehicle" ? amount(values.priceNext) : null,
        tariffCode: metered(kind) ? values.tariffCode : null,
        surchargePercent: surcharge ? Number(values.surchargePercent) : null,
        surchargeName: surcharge ? values.surchargeName.trim() : null,
        vatRate: Number(values.vatRate),
        onBehalf: values.onBehalf,
        validFrom: parseDay(values.validFrom) || "",
        validTo: parseDay(values.validTo) || null,
      };
      return rule
        ? api.PUT("/fee-rules/{id}", { params: { path: { id: rule.id } }, body })
        : api.POST(FEE_RULES_PATH, { body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [FEE_RULES_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });

  const kind = form.values.kind;
  const moneyProps = vndInputProps(i18n.language);
  const percentProps = {
    min: 0,
    max: 100,
    decimalScale: 2,
    allowNegative: false,
    decimalSeparator: vi ? "," : ".",
    suffix: " %",
  };
  const kindTariffs = [...new Map(tariffs.filter((x) => x.kind === kind).map((x) => [x.code, x])).values()];
  const priceLabel =
    kind === "area"
      ? t("billing.priceArea")
      : kind === "vehicle"
        ? t("billing.priceVehicle")
        : t("billing.priceFixed");

  return (
    <FormModal
      title={rule ? t("billing.editRule", { name: rule.name }) : t("billing.addRule")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <NativeSelect
          label={t("billing.kind")}
          data={FEE_RULE_KINDS.map((value) => ({ value, label: words.kind(value) }))}
          data-autofocus
          {...form.getInputProps("kind")}
          onChange={(event) => changeKind(event.currentTarget.value as FeeRuleKind)}
        />
        <TextInput label={t("billing.ruleName")} autoComplete="off" {...form.getInputProps("name")} />
      </SimpleGrid>

      {/* What the kind needs: a price and a unit type, a vehicle type and prices, or a tariff. */}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        {(kind === "area" || kind === "fixed") && (
          <>
            <NumberInput label={priceLabel} {...moneyProps} {...form.getInputProps("price")} />
            <NativeSelect
              label={t("billing.unitType")}
              data={[
                { value: "", label: t("billing.allUnitTypes") },
                ...UNIT_TYPES.map((value) => ({ value, label: unitWords.type(value) })),
              ]}
              {...form.getInputProps("unitType")}
            />
          </>
        )}
        {kind === "vehicle" && (
          <>
            <NativeSelect
              label={t("billing.vehicleType")}
              data={VEHICLE_TYPES.map((value) => ({ value, label: registryWords.vehicleType(value) }))}
              {...form.getInputProps("vehicleType")}
            />
            <NumberInput label={priceLabel} {...moneyProps} {...form.getInputProps("price")} />
            <NumberInput
              label={t("billing.priceNext")}
              description={t("billing.priceNextHint")}
              {...moneyProps}
              {...form.getInputProps("priceNext")}
            />
          </>
        )}
        {metered(kind) && (
          <NativeSelect
            label={t("billing.tariff")}
            data={[
              { value: "", label: t("billing.chooseTariff"), disabled: true },
              ...kindTariffs.map((tariff) => ({ value: tariff.code, label: tariff.name })),
            ]}
            {...form.getInputProps("tariffCode")}
          />
        )}
      </SimpleGrid>
      {kind === "water" && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
          <NumberInput
            label={t("billing.surchargePercent")}
            description={t("billing.surchargeHint")}
            {...percentProps}
            {...form.getInputProps("surchargePercent")}
          />
          <TextInput
            label={t("billing.surchargeName")}
            description={t("billing.surchargeNameHint")}
            placeholder={t("billing.surchargeNamePlaceholder")}
            autoComplete="off"
            {...form.getInputProps("surchargeName")}
          />
        </SimpleGrid>
      )}

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <NumberInput label={t("billing.vatRate")} {...percentProps} {...form.getInputProps("vatRate")} />
        <Checkbox
          label={t("billing.onBehalfLabel")}
          description={t("billing.onBehalfHint")}
          mt={{ base: 0, xs: "lg" }}
          {...form.getInputProps("onBehalf", { type: "checkbox" })}
        />
        <TextInput
          label={t("billing.validFrom")}
          description={t("billing.validFromHint")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("validFrom")}
        />
        <TextInput
          label={t("billing.validTo")}
          description={t("billing.validToHint")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("validTo")}
        />
      </SimpleGrid>
    </FormModal>
  );
}
