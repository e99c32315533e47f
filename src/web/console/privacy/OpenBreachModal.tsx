import { MultiSelect, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required } from "../../components/forms.js";
import { formatDay } from "../../format.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { DateTimeInput, showErrorsAt } from "./parts.js";
import {
  BREACH_FIELDS,
  BREACHES_PATH,
  type Breach,
  CLOCKS_PATH,
  type DateTimeText,
  fromVietnamTime,
  nowInVietnam,
  parseDateTime,
  SEVERITIES,
  type Severity,
  usePrivacyWords,
} from "./privacy.js";

type Values = {
  title: string;
  description: string;
  detectedAt: DateTimeText;
  severity: Severity;
  fields: string[];
  buildingIds: string[];
};

/** Mở sự cố: what happened, when it was found, how bad, which data and whose; the 72-hour clock starts then. */
export function OpenBreachModal({
  onClose,
  onOpened,
}: {
  onClose: () => void;
  onOpened: (breach: Breach) => void;
}) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const queryClient = useQueryClient();
  const buildings = useAllBuildings();
  const form = useForm<Values>({
    initialValues: {
      title: "",
      description: "",
      detectedAt: { day: formatDay(nowInVietnam().slice(0, 10)), time: nowInVietnam().slice(11) },
      severity: "high",
      fields: [],
      buildingIds: [],
    },
    validate: {
      title: required,
      description: required,
      detectedAt: (value) => {
        const at = parseDateTime(value);
        if (!at) return t("breaches.detectedInvalid");
        return at > nowInVietnam() ? t("breaches.detectedFuture") : null;
      },
      fields: (value) => (value.length ? null : t("breaches.fieldsRequired")),
      buildingIds: (value) => (value.length ? null : t("breaches.scopeRequired")),
    },
  });
  const open = useMutation({
    mutationFn: (values: Values) =>
      api.POST(BREACHES_PATH, {
        body: {
          title: values.title.trim(),
          description: values.description.trim(),
          detectedAt: fromVietnamTime(parseDateTime(values.detectedAt)) ?? "",
          severity: values.severity,
          fields: values.fields,
          scope: { buildingIds: values.buildingIds, unitIds: [], residentIds: [] },
        },
      }),
    onSuccess: async (breach) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [BREACHES_PATH] }),
        queryClient.invalidateQueries({ queryKey: [CLOCKS_PATH] }),
      ]);
      onOpened(breach);
    },
    onError: (error) =>
      showErrorsAt(form, error, { scope: "buildingIds", "scope.buildingIds": "buildingIds" }),
  });
  return (
    <FormModal
      title={t("breaches.open")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => open.mutate(values))}
      submitLabel={t("breaches.openSubmit")}
      pending={open.isPending}
      error={open.error}
      size="lg"
    >
      <TextInput
        label={t("breaches.titleLabel")}
        maxLength={200}
        data-autofocus
        {...form.getInputProps("title")}
      />
      <Textarea
        label={t("breaches.description")}
        description={t("breaches.descriptionHint")}
        autosize
        minRows={3}
        maxLength={5000}
        {...form.getInputProps("description")}
      />
      <Stack gap={4}>
        <DateTimeInput
          label={t("breaches.detectedAt")}
          value={form.values.detectedAt}
          onChange={(value) => form.setFieldValue("detectedAt", value)}
          error={form.errors.detectedAt}
        />
        <Text size="xs" c="dimmed">
          {t("breaches.detectedAtHint")}
        </Text>
      </Stack>
      <NativeSelect
        label={t("breaches.severity")}
        data={SEVERITIES.map((value) => ({ value, label: words.severity(value) }))}
        {...form.getInputProps("severity")}
      />
      <MultiSelect
        label={t("breaches.fields")}
        description={t("breaches.fieldsHint")}
        data={BREACH_FIELDS.map((value) => ({ value, label: words.field(value) }))}
        searchable
        nothingFoundMessage={t("common.nothingFound")}
        {...form.getInputProps("fields")}
      />
      <MultiSelect
        label={t("breaches.buildings")}
        description={t("breaches.buildingsHint")}
        data={buildings.data?.items.map((b) => ({ value: b.id, label: b.name })) ?? []}
        searchable
        nothingFoundMessage={t("common.nothingFound")}
        {...form.getInputProps("buildingIds")}
      />
    </FormModal>
  );
}
