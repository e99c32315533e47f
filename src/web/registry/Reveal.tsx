import { Button, Group, Text, Tooltip } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { formatDay } from "../format.js";
import { type PersonalField, useRegistryWords } from "./registry.js";

type Props = {
  residentId: string;
  residentName: string;
  field: PersonalField;
  /** What is shown before the click: the masked value, or a placeholder for fields not sent at all. */
  masked: string;
  /** Whether this person may ask for the full value (staff who see the registry). */
  canReveal: boolean;
};

/**
 * A personal field shown masked, with a deliberate "Show" click that fetches the full value. Each
 * reveal is recorded in the person's access trail, which the tooltip and description say.
 */
export function RevealField({ residentId, residentName, field, masked, canReveal }: Props) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const reveal = useMutation({
    mutationFn: () =>
      api.POST("/residents/{id}/reveal", { params: { path: { id: residentId } }, body: { field } }),
  });
  const value = reveal.data?.value;
  const shown = reveal.isSuccess
    ? field === "dateOfBirth" && value
      ? formatDay(value)
      : (value ?? "—")
    : masked;
  return (
    <>
      <Group gap={6} wrap="nowrap" align="center">
        <Text span fw={500} style={{ wordBreak: "break-all" }}>
          {shown}
        </Text>
        {canReveal && !reveal.isSuccess && (
          <Tooltip label={t("household.revealHint")} withArrow multiline w={220}>
            <Button
              variant="subtle"
              size="compact-xs"
              loading={reveal.isPending}
              onClick={() => reveal.mutate()}
              aria-label={t("household.revealNamed", { field: words.field(field), name: residentName })}
              aria-description={t("household.revealHint")}
            >
              {t("household.reveal")}
            </Button>
          </Tooltip>
        )}
      </Group>
      {reveal.isError && <FormError error={reveal.error} />}
    </>
  );
}
