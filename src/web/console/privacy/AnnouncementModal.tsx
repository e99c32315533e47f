import { Alert, Button, Group, List, Modal, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import type { AnnouncementResult } from "./privacy.js";

type Values = { title: string; body: string; marketing: boolean };

/** Who got the announcement, and who did not and why: restricted, no marketing consent, or no account. */
function ResultView({ result, onClose }: { result: AnnouncementResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("announcements.sentTitle")}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <Stack>
        <Alert color="teal" variant="light" role="status">
          {t("announcements.sent", { count: result.sent })}
        </Alert>
        <List size="sm" spacing={4}>
          <List.Item>{t("announcements.excludedRestricted", { count: result.excludedRestricted })}</List.Item>
          <List.Item>{t("announcements.excludedNoConsent", { count: result.excludedNoConsent })}</List.Item>
          <List.Item>{t("announcements.withoutAccount", { count: result.withoutAccount })}</List.Item>
        </List>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("common.close")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Gửi thông báo: a message to every resident of the building; a marketing one only to those who agreed. */
export function AnnouncementModal({ buildingId, onClose }: { buildingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<AnnouncementResult | null>(null);
  const form = useForm<Values>({
    initialValues: { title: "", body: "", marketing: false },
    validate: {
      title: (value) => required(value) ?? (value.trim().length < 3 ? t("announcements.titleLength") : null),
      body: required,
    },
  });
  const send = useMutation({
    mutationFn: (values: Values) =>
      api.POST("/buildings/{id}/announcements", {
        params: { path: { id: buildingId } },
        body: {
          title: values.title.trim(),
          body: values.body.trim(),
          marketing: values.marketing,
        },
      }),
    onSuccess: setResult,
    onError: (error) => showFieldErrors(form, error),
  });
  if (result) return <ResultView result={result} onClose={onClose} />;
  return (
    <FormModal
      title={t("announcements.title")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => send.mutate(values))}
      submitLabel={t("announcements.submit")}
      pending={send.isPending}
      error={send.error}
      size="lg"
    >
      <TextInput
        label={t("announcements.titleLabel")}
        maxLength={200}
        data-autofocus
        {...form.getInputProps("title")}
      />
      <Textarea
        label={t("announcements.body")}
        autosize
        minRows={5}
        maxLength={5000}
        {...form.getInputProps("body")}
      />
      <Switch
        label={t("announcements.marketing")}
        description={t("announcements.marketingHint")}
        {...form.getInputProps("marketing", { type: "checkbox" })}
      />
    </FormModal>
  );
}
