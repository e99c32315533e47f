import { Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";

type Props = {
  title: string;
  label: string;
  description?: string;
  submitLabel: string;
  /** The body field the server expects the text in (note, resolution, step): its errors show on the text. */
  field: string;
  /** Sends the trimmed text in that field. */
  send: (text: string) => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
  minLength?: number;
};

/** One text to write and send (a note, a resolution, a containment step), over a drawer. */
export function TextModal({
  title,
  label,
  description,
  submitLabel,
  field,
  send,
  onClose,
  danger,
  minLength = 1,
}: Props) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { [field]: "" } as Record<string, string>,
    validate: {
      [field]: (value: string) =>
        required(value) ??
        (value.trim().length < minLength ? t("privacyRequests.tooShort", { min: minLength }) : null),
    },
  });
  const action = useMutation({
    mutationFn: (values: Record<string, string>) => send(values[field]?.trim() ?? ""),
    onSuccess: onClose,
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => action.mutate(values))}
      submitLabel={submitLabel}
      pending={action.isPending}
      error={action.error}
      danger={danger}
      zIndex={400}
    >
      <Textarea
        label={label}
        description={description}
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus
        {...form.getInputProps(field)}
      />
    </FormModal>
  );
}
