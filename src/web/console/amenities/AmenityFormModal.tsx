import { NativeSelect, NumberInput, SimpleGrid, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AMENITIES_PATH, type Amenity, BOOKERS, KINDS } from "../../amenities/amenities.js";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { vndInputProps } from "../../format.js";
import { useAllBuildings } from "../buildings/buildings.js";

type Values = {
  buildingId: string;
  name: string;
  kind: Amenity["kind"];
  opensAt: string;
  closesAt: string;
  slotMinutes: number | string;
  slotCapacity: number | string;
  fee: number | string;
  deposit: number | string;
  monthlyLimit: number | string;
  bookers: Amenity["bookers"];
  advanceDays: number | string;
  cancelHours: number | string;
  active: boolean;
  rules: string;
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Adds an amenity to a building, or changes one (bookings made keep what they were made with). */
export function AmenityFormModal({ amenity, onClose }: { amenity?: Amenity; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const buildings = useAllBuildings();
  const firstBuilding = buildings.data?.items[0]?.id ?? "";
  const form = useForm<Values>({
    initialValues: {
      buildingId: amenity?.buildingId ?? "",
      name: amenity?.name ?? "",
      kind: amenity?.kind ?? "bbq",
      opensAt: amenity?.opensAt ?? "08:00",
      closesAt: amenity?.closesAt ?? "22:00",
      slotMinutes: amenity?.slotMinutes ?? 60,
      slotCapacity: amenity?.slotCapacity ?? 1,
      fee: amenity?.fee ?? 0,
      deposit: amenity?.deposit ?? 0,
      monthlyLimit: amenity?.monthlyLimit ?? "",
      bookers: amenity?.bookers ?? "household",
      advanceDays: amenity?.advanceDays ?? 14,
      cancelHours: amenity?.cancelHours ?? 24,
      active: amenity?.active ?? true,
      rules: amenity?.rules ?? "",
    },
    validate: {
      name: required,
      opensAt: (v) => (CLOCK.test(v.trim()) ? null : t("amenityDesk.form.clock")),
      closesAt: (v) => (CLOCK.test(v.trim()) ? null : t("amenityDesk.form.clock")),
      slotMinutes: (v) => (v === "" ? t("validation.required") : null),
      slotCapacity: (v) => (v === "" ? t("validation.required") : null),
      advanceDays: (v) => (v === "" ? t("validation.required") : null),
      cancelHours: (v) => (v === "" ? t("validation.required") : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        kind: v.kind,
        opensAt: v.opensAt.trim(),
        closesAt: v.closesAt.trim(),
        slotMinutes: Number(v.slotMinutes),
        slotCapacity: Number(v.slotCapacity),
        fee: Number(v.fee) || 0,
        deposit: Number(v.deposit) || 0,
        monthlyLimit: v.monthlyLimit === "" ? null : Number(v.monthlyLimit),
        bookers: v.bookers,
        advanceDays: Number(v.advanceDays),
        cancelHours: Number(v.cancelHours),
        active: v.active,
        rules: v.rules.trim() || undefined,
      };
      return amenity
        ? api.PATCH("/amenities/{id}", { params: { path: { id: amenity.id } }, body })
        : api.POST(AMENITIES_PATH, { body: { ...body, buildingId: v.buildingId || firstBuilding } });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [AMENITIES_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const money = vndInputProps(i18n.language);
  return (
    <FormModal
      title={amenity ? t("common.editNamed", { name: amenity.name }) : t("amenityDesk.form.create")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("amenityDesk.form.name")}
          maxLength={80}
          data-autofocus
          {...form.getInputProps("name")}
        />
        <NativeSelect
          label={t("amenityDesk.form.kind")}
          data={KINDS.map((k) => ({ value: k, label: t(`amenities.kinds.${k}`) }))}
          {...form.getInputProps("kind")}
        />
      </SimpleGrid>
      {!amenity && (buildings.data?.items.length ?? 0) > 1 && (
        <NativeSelect
          label={t("amenityDesk.building")}
          data={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          {...form.getInputProps("buildingId")}
          value={form.values.buildingId || firstBuilding}
        />
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <TextInput
          label={t("amenityDesk.form.opensAt")}
          placeholder="08:00"
          inputMode="numeric"
          maxLength={5}
          {...form.getInputProps("opensAt")}
        />
        <TextInput
          label={t("amenityDesk.form.closesAt")}
          placeholder="22:00"
          inputMode="numeric"
          maxLength={5}
          {...form.getInputProps("closesAt")}
        />
        <NumberInput
          label={t("amenityDesk.form.slotMinutes")}
          min={15}
          max={1440}
          step={15}
          allowDecimal={false}
          {...form.getInputProps("slotMinutes")}
        />
        <NumberInput
          label={t("amenityDesk.form.slotCapacity")}
          min={1}
          max={500}
          allowDecimal={false}
          {...form.getInputProps("slotCapacity")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={t("amenityDesk.form.fee")} {...money} {...form.getInputProps("fee")} />
        <NumberInput label={t("amenityDesk.form.deposit")} {...money} {...form.getInputProps("deposit")} />
        <NumberInput
          label={t("amenityDesk.form.monthlyLimit")}
          placeholder={t("amenityDesk.form.monthlyLimitHint")}
          min={1}
          max={100}
          allowDecimal={false}
          {...form.getInputProps("monthlyLimit")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("amenityDesk.form.bookers")}
          data={BOOKERS.map((b) => ({ value: b, label: t(`amenityDesk.form.bookersOptions.${b}`) }))}
          {...form.getInputProps("bookers")}
        />
        <NumberInput
          label={t("amenityDesk.form.advanceDays")}
          min={1}
          max={180}
          allowDecimal={false}
          {...form.getInputProps("advanceDays")}
        />
        <NumberInput
          label={t("amenityDesk.form.cancelHours")}
          min={0}
          max={720}
          allowDecimal={false}
          {...form.getInputProps("cancelHours")}
        />
      </SimpleGrid>
      <Textarea
        label={t("amenityDesk.form.rules")}
        autosize
        minRows={3}
        maxLength={4000}
        {...form.getInputProps("rules")}
      />
      <Switch
        label={t("amenityDesk.form.active")}
        description={t("amenityDesk.form.activeHint")}
        {...form.getInputProps("active", { type: "checkbox" })}
      />
    </FormModal>
  );
}
