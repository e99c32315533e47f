import { Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { ApiError } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";

/** A refusal or a cancellation, which always says why (the partner or the household reads it). */
export function ReasonModal({
  title,
  label,
  description,
  submitLabel,
  onClose,
  send,
}: {
  title: string;
  label: string;
  description?: string;
  submitLabel: string;
  onClose: () => void;
  send: (reason: string) => Promise<unknown>;
}) {
  const form = useForm({ initialValues: { reason: "" }, validate: { reason: required } });
  const save = useMutation({
    mutationFn: (v: { reason: string }) => send(v.reason.trim()),
    onSuccess: onClose,
    onError: (error) => {
      showFieldErrors(form, error);
      // The server names the field `note` (a refusal) or `reason` (a cancellation): both are this box.
      const note = error instanceof ApiError ? error.fieldErrors.note : undefined;
      if (note) form.setFieldError("reason", note);
    },
  });
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={submitLabel}
      pending={save.isPending}
      error={save.error}
      danger
    >
      <Textarea
        label={label}
        description={description}
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps("reason")}
      />
    </FormModal>
  );
}
