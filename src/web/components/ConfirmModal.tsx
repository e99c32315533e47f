import { Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { FormModal } from "./FormModal.js";

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
};

/** Asks before a destructive or far-reaching action; closes once the action has succeeded. */
export function ConfirmModal({ title, children, confirmLabel, onConfirm, onClose, danger }: Props) {
  const action = useMutation({ mutationFn: onConfirm, onSuccess: onClose });
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={(event) => {
        event?.preventDefault();
        action.mutate();
      }}
      submitLabel={confirmLabel}
      pending={action.isPending}
      error={action.error}
      danger={danger}
    >
      <Text>{children}</Text>
    </FormModal>
  );
}
