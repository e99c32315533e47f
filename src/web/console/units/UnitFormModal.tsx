import { Box, NativeSelect, NumberInput, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Building, Unit } from "../../../contracts/index.js";
import { ApiError, api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { formatDay, parseArea, parseDay, vndInputProps } from "../../format.js";
import {
  invalidateUnits,
  UNIT_STATUSES,
  UNIT_TYPES,
  UNITS_PATH,
  type UnitStatus,
  type UnitType,
  useUnitWords,
} from "./units.js";

type Values = {
  code: string;
  block: string;
  floor: number | string;
  type: UnitType;
  areaM2: string;
  status: UnitStatus;
  handoverDate: string;
  maintenanceFundVnd: number | string;
  maintenanceFundPaidOn: string;
};

type Props = {
  building: Building;
  /** The unit to edit; without it, a new unit. */
  unit?: Unit;
  /** For a new unit: the block to start with. */
  block?: string;
  onClose: () => void;
};

/** Creates a unit in the building, or edits one. Dates are typed dd/MM/yyyy and sent as YYYY-MM-DD. */
export function UnitFormModal({ building, unit, block, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const words = useUnitWords();
  const queryClient = useQueryClient();
  const vi = i18n.language !== "en";
  const blockNames = building.blocks.map((b) => b.name);
  // A unit whose block was since renamed keeps its block as an option.
  if (unit && !blockNames.includes(unit.block)) blockNames.push(unit.block);

  const day = (value: string) => (parseDay(value) === null ? t("validation.day") : null);
  const form = useForm<Values>({
    initialValues: {
      code: unit?.code ?? "",
      block: unit?.block ?? block ?? blockNames[0] ?? "",
      floor: unit?.floor ?? "",
      type: unit?.type ?? "apartment",
      areaM2: unit ? (vi ? String(unit.areaM2).replace(".", ",") : String(unit.areaM2)) : "",
      status: unit?.status ?? "vacant",
      handoverDate: unit?.handoverDate ? formatDay(unit.handoverDate) : "",
      maintenanceFundVnd: unit?.maintenanceFundVnd ?? "",
      maintenanceFundPaidOn: unit?.maintenanceFundPaidOn ? formatDay(unit.maintenanceFundPaidOn) : "",
    },
    validate: {
      code: required,
      block: required,
      floor: (value) =>
        typeof value === "number" && Number.isInteger(value) && value >= -10 && value <= 200
          ? null
          : t("units.floorInvalid"),
      areaM2: (value) => (parseArea(value) === null ? t("units.areaInvalid") : null),
      handoverDate: day,
      maintenanceFundVnd: (value) =>
        value === "" || (typeof value === "number" && Number.isInteger(value) && value >= 0)
          ? null
          : t("units.fundInvalid"),
      maintenanceFundPaidOn: day,
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        code: values.code.trim(),
        block: values.block,
        floor: Number(values.floor),
        type: values.type,
        // The form requires a valid area before it submits.
        areaM2: parseArea(values.areaM2) ?? 0,
        status: values.status,
        handoverDate: parseDay(values.handoverDate) || null,
        maintenanceFundVnd: values.maintenanceFundVnd === "" ? null : Number(values.maintenanceFundVnd),
        maintenanceFundPaidOn: parseDay(values.maintenanceFundPaidOn) || null,
      };
      return unit
        ? api.PATCH("/units/{id}", { params: { path: { id: unit.id } }, body })
        : api.POST(UNITS_PATH, { body: { buildingId: building.id, ...body } });
    },
    onSuccess: async () => {
      await invalidateUnits(queryClient);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "CONFLICT")
        form.setFieldError("code", t("units.codeTaken"));
      else showFieldErrors(form, error);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === "CONFLICT";

  return (
    <FormModal
      title={unit ? t("units.edit", { code: unit.code }) : t("units.create")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={conflict ? null : save.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t("units.code")}
          placeholder={t("units.codePlaceholder")}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps("code")}
        />
        <NativeSelect
          label={t("units.block")}
          data={blockNames.map((name) => ({ value: name, label: words.block(name) }))}
          {...form.getInputProps("block")}
        />
        <NumberInput
          label={t("units.floor")}
          min={-10}
          max={200}
          allowDecimal={false}
          {...form.getInputProps("floor")}
        />
        <NativeSelect
          label={t("units.type")}
          data={UNIT_TYPES.map((type) => ({ value: type, label: words.type(type) }))}
          {...form.getInputProps("type")}
        />
        <TextInput
          label={t("units.areaInput")}
          placeholder={t("units.areaPlaceholder")}
          inputMode="decimal"
          autoComplete="off"
          rightSection="m²"
          {...form.getInputProps("areaM2")}
        />
        <NativeSelect
          label={t("units.status")}
          data={UNIT_STATUSES.map((status) => ({ value: status, label: words.status(status) }))}
          {...form.getInputProps("status")}
        />
        <TextInput
          label={t("units.handoverDate")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("handoverDate")}
        />
        <Box visibleFrom="xs" />
        <NumberInput
          label={t("units.maintenanceFund")}
          {...vndInputProps(i18n.language)}
          {...form.getInputProps("maintenanceFundVnd")}
        />
        <TextInput
          label={t("units.maintenanceFundPaidOn")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("maintenanceFundPaidOn")}
        />
      </SimpleGrid>
    </FormModal>
  );
}
