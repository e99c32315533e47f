import { Radio, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../components/FormModal.js";
import { showFieldErrors } from "../../components/forms.js";
import { REQUEST_KINDS, type RequestKind, useCreateRequest } from "./privacy.js";
import { usePrivacyWords } from "./words.js";

export type RequestDraft = { kind: RequestKind | ""; details: string };

type Props = {
  draft: RequestDraft;
  onClose: () => void;
  /** An erasure is not sent from here: it goes back to the page, which asks for confirmation first. */
  onErasure: (draft: RequestDraft) => void;
  onSent: () => void;
};

export const requestBody = (draft: RequestDraft) => ({
  kind: draft.kind as RequestKind,
  details: draft.details.trim() || undefined,
});

/** "Yêu cầu mới": which right the resident exercises, each kind explained in one line, and details. */
export function NewRequestModal({ draft, onClose, onErasure, onSent }: Props) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const create = useCreateRequest();
  const form = useForm<RequestDraft>({
    initialValues: draft,
    validate: { kind: (kind) => (kind ? null : t("dataRequests.chooseKind")) },
  });
  const submit = (values: RequestDraft) => {
    if (values.kind === "erasure") onErasure(values);
    else create.mutate(requestBody(values), { onSuccess: onSent, onError: (e) => showFieldErrors(form, e) });
  };
  return (
    <FormModal
      title={t("dataRequests.newTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit(submit)}
      submitLabel={t("dataRequests.submit")}
      pending={create.isPending}
      error={create.error}
      size="lg"
    >
      <Radio.Group label={t("dataRequests.kind")} withAsterisk {...form.getInputProps("kind")}>
        <Stack gap="sm" mt="xs">
          {REQUEST_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={words.kind(kind)} description={words.kindHint(kind)} />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.kind === "erasure" && (
        <Text size="sm" c="dimmed">
          {t("dataRequests.erasureNext")}
        </Text>
      )}
      <Textarea
        label={t("dataRequests.details")}
        description={t("dataRequests.detailsHint")}
        autosize
        minRows={3}
        maxLength={2000}
        {...form.getInputProps("details")}
      />
    </FormModal>
  );
}
