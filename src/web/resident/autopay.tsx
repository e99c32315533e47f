import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { FormError } from "../components/forms.js";
import { formatDay } from "../format.js";
import { goTo, useReturnParam } from "./online.js";

const autopayPath = (unitId: string) => `/units/${unitId}/autopay`;

/** What the card form said (`?autopay=on|failed`). */
function AutopayOutcome() {
  const { t } = useTranslation();
  const [params, dismiss] = useReturnParam();
  const value = params.get("autopay");
  if (value !== "on" && value !== "failed") return null;
  const on = value === "on";
  return (
    <Alert
      color={on ? "teal" : "red"}
      variant="light"
      role={on ? "status" : "alert"}
      title={on ? t("billing.online.autopayOnTitle") : t("billing.online.autopayFailedTitle")}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={() => dismiss("autopay")}
    >
      {on ? t("billing.online.autopayOnText") : t("billing.online.autopayFailedText")}
    </Alert>
  );
}

/** Tự động thanh toán: whether the unit's notices are charged to a saved card, and turning it on or off. */
export function AutopayCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const autopay = useQuery({
    queryKey: [autopayPath(unitId)],
    queryFn: () => api.GET("/units/{id}/autopay", { params: { path: { id: unitId } } }),
  });
  const start = useMutation({
    mutationFn: () => api.POST("/units/{id}/autopay", { params: { path: { id: unitId } } }),
    onSuccess: goTo,
  });
  const data = autopay.data;
  const card = data?.cardMasked ?? "";
  return (
    <Stack gap="xs">
      <AutopayOutcome />
      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="autopay-title">
        <Stack gap="xs">
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h4" id="autopay-title">
              {t("billing.online.autopayTitle")}
            </Title>
            {data && (
              <Badge color={data.active ? "teal.9" : "gray.7"} variant="filled" tt="none" radius="sm">
                {data.active ? t("billing.online.autopayOn") : t("billing.online.autopayOff")}
              </Badge>
            )}
          </Group>
          <FormError error={autopay.error} />
          {data?.active ? (
            <>
              <Text size="sm">
                {card && (
                  <Text span fw={600} ff="monospace">
                    {t("billing.online.autopayCard", { card })}
                  </Text>
                )}
                {data.since &&
                  ` · ${t("billing.online.autopaySince", { date: formatDay(data.since.slice(0, 10)) })}`}
              </Text>
              <Text size="sm" c="dimmed">
                {t("billing.online.autopayActive")}
              </Text>
            </>
          ) : (
            data && <Text size="sm">{t("billing.online.autopayIntro")}</Text>
          )}
          {data?.lastFailure && (
            <Alert color="red" variant="light" p="xs">
              <Text size="sm">{t("billing.online.autopayLastFailure", { reason: data.lastFailure })}</Text>
            </Alert>
          )}
          {cancelled && !data?.active && (
            <Text size="sm" role="status" c="teal.9">
              {t("billing.online.autopayCancelled")}
            </Text>
          )}
          {data && (
            <Group gap="sm">
              {data.active ? (
                <Button variant="default" color="red" onClick={() => setCancelling(true)}>
                  {t("billing.online.autopayCancel")}
                </Button>
              ) : (
                <Button
                  variant="light"
                  onClick={() => start.mutate()}
                  loading={start.isPending || start.isSuccess}
                >
                  {t("billing.online.autopayStart")}
                </Button>
              )}
            </Group>
          )}
          <FormError error={start.error} />
        </Stack>
      </Paper>
      {cancelling && (
        <ConfirmModal
          title={t("billing.online.autopayCancelTitle")}
          confirmLabel={t("billing.online.autopayCancel")}
          danger
          onClose={() => setCancelling(false)}
          onConfirm={async () => {
            await api.DELETE("/units/{id}/autopay", { params: { path: { id: unitId } } });
            setCancelled(true);
            await queryClient.invalidateQueries({ queryKey: [autopayPath(unitId)] });
          }}
        >
          {t("billing.online.autopayCancelText", { card })}
        </ConfirmModal>
      )}
    </Stack>
  );
}
