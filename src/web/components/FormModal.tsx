import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "./forms.js";

type Props = {
  title: string;
  onClose: () => void;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  pending: boolean;
  /** The failed request, if any: its message shows above the buttons. */
  error: unknown;
  danger?: boolean;
  size?: string;
  zIndex?: number;
  children: ReactNode;
};

/**
 * A dialog holding one form, with Cancel and the submit button. Render it only while it is open,
 * so that each opening starts from fresh values.
 */
export function FormModal({
  title,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  error,
  danger,
  size,
  zIndex,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      size={size}
      zIndex={zIndex}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={danger ? "red" : undefined} loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
