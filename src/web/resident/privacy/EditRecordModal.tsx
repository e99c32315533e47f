import { Anchor, NativeSelect, Select, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { formatDay, parseDay } from "../../format.js";
import { countryOptions } from "./countries.js";
import { type DataRecord, type MyRecordPatch, usePatchMyRecord } from "./privacy.js";

const FIELDS = ["fullName", "phone", "email", "dateOfBirth", "nationality", "contactAddress"] as const;
type Values = Record<(typeof FIELDS)[number], string> & { preferredLang: "vi" | "en" };

/** The record's current values as the form shows them (a date as dd/MM/yyyy). */
function valuesOf(record: DataRecord): Values {
  const held = (name: string) =>
    record.fields.find((field) => field.field === `resident.${name}`)?.value ?? "";
  const dateOfBirth = held("dateOfBirth");
  return {
    fullName: held("fullName"),
    phone: held("phone"),
    email: held("email"),
    dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) ? formatDay(dateOfBirth) : dateOfBirth,
    nationality: held("nationality"),
    contactAddress: held("contactAddress"),
    preferredLang: held("preferredLang") === "en" ? "en" : "vi",
  };
}

/** Only what changed is sent, so the audit records the correction and nothing else. */
function patchOf(before: Values, after: Values): MyRecordPatch {
  const patch: MyRecordPatch = {};
  for (const name of FIELDS) {
    const value = after[name].trim();
    if (value === before[name].trim()) continue;
    if (name === "fullName") patch.fullName = value;
    else if (name === "dateOfBirth") patch.dateOfBirth = parseDay(value) || null;
    else patch[name] = value || null;
  }
  if (after.preferredLang !== before.preferredLang) patch.preferredLang = after.preferredLang;
  return patch;
}

/** "Sửa thông tin": the resident corrects their own record; area and ownership go through the household page. */
export function EditRecordModal({ record, onClose }: { record: DataRecord; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = usePatchMyRecord(record.residentId);
  const initial = valuesOf(record);
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      fullName: required,
      dateOfBirth: (value) => (parseDay(value) === null ? t("validation.day") : null),
    },
  });
  const countries = countryOptions(i18n.language);
  const nationalities =
    initial.nationality && !countries.some((option) => option.value === initial.nationality)
      ? [{ value: initial.nationality, label: initial.nationality }, ...countries]
      : countries;

  const submit = (values: Values) => {
    const patch = patchOf(initial, values);
    if (Object.keys(patch).length === 0) return onClose();
    save.mutate(patch, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) });
  };

  return (
    <FormModal
      title={t("myData.edit.title")}
      onClose={onClose}
      onSubmit={form.onSubmit(submit)}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t("myData.fields.fullName")}
          autoComplete="name"
          withAsterisk
          data-autofocus
          {...form.getInputProps("fullName")}
        />
        <TextInput
          label={t("myData.fields.phone")}
          placeholder="0912 345 678"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          {...form.getInputProps("phone")}
        />
        <TextInput
          label={t("myData.fields.email")}
          type="email"
          autoComplete="email"
          {...form.getInputProps("email")}
        />
        <TextInput
          label={t("myData.fields.dateOfBirth")}
          placeholder={t("validation.dayPlaceholder")}
          inputMode="numeric"
          autoComplete="bday"
          {...form.getInputProps("dateOfBirth")}
        />
        <Select
          label={t("myData.fields.nationality")}
          data={nationalities}
          searchable
          clearable
          nothingFoundMessage={t("common.nothingFound")}
          {...form.getInputProps("nationality")}
          value={form.values.nationality || null}
          onChange={(value) => form.setFieldValue("nationality", value ?? "")}
        />
        <NativeSelect
          label={t("myData.fields.preferredLang")}
          data={[
            { value: "vi", label: t("language.vi") },
            { value: "en", label: t("language.en") },
          ]}
          {...form.getInputProps("preferredLang")}
        />
        <TextInput
          label={t("myData.fields.contactAddress")}
          autoComplete="street-address"
          style={{ gridColumn: "1 / -1" }}
          {...form.getInputProps("contactAddress")}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t("myData.edit.managedHint")}{" "}
        <Anchor component={Link} to="/app/household" size="sm">
          {t("myData.edit.householdLink")}
        </Anchor>
      </Text>
    </FormModal>
  );
}
