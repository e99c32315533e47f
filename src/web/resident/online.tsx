import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../api.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { FormError } from "../components/forms.js";
import { formatDay } from "../format.js";

/** The gateway's page to go to (pay a notice, or save a card for auto-pay). */
type Redirect = { url: string };
const autopayPath = (unitId: string) => `/units/${unitId}/autopay`;

/** Leaves the app for the gateway's page; it sends the browser back to the notice or the list. */
function goTo(redirect: Redirect) {
  window.location.href = redirect.url;
}

/** "Thanh toán bằng thẻ / ví": asks the server for a payment at the gateway and goes there. */
export function PayOnlineButton({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const pay = useMutation({
    mutationFn: () => api.POST("/invoices/{id}/pay-online", { params: { path: { id: invoiceId } } }),
    onSuccess: goTo,
  });
  // Stays loading after success: the browser is on its way to the gateway.
  const leaving = pay.isPending || pay.isSuccess;
  return (
    <Stack gap={4}>
      <Button size="md" onClick={() => pay.mutate()} loading={leaving} fullWidth>
        {t("billing.online.payButton")}
      </Button>
      {leaving && (
        <Text size="sm" role="status" ta="center">
          {t("billing.online.redirecting")}
        </Text>
      )}
      <FormError error={pay.error} />
    </Stack>
  );
}

type Outcome = "paid" | "failed" | "invalid";
const OUTCOMES = {
  paid: { color: "teal", title: "billing.online.paidTitle", text: "billing.online.paid" },
  failed: { color: "yellow", title: "billing.online.failedTitle", text: "billing.online.failed" },
  invalid: { color: "red", title: "billing.online.invalidTitle", text: "billing.online.invalid" },
} as const satisfies Record<Outcome, { color: string; title: string; text: string }>;

/** The query the gateway's return left on the page, and a way to drop one of its parameters (the alert's close). */
function useReturnParam() {
  const [params, setParams] = useSearchParams();
  const dismiss = (name: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        return next;
      },
      { replace: true },
    );
  return [params, dismiss] as const;
}

/** What the gateway said when it sent the payer back (`?payment=paid|failed|invalid`), until dismissed. */
export function PaymentOutcome() {
  const { t } = useTranslation();
  const [params, dismiss] = useReturnParam();
  const value = params.get("payment");
  if (value !== "paid" && value !== "failed" && value !== "invalid") return null;
  const outcome = OUTCOMES[value];
  return (
    <Alert
      color={outcome.color}
      variant="light"
      role={value === "paid" ? "status" : "alert"}
      title={t(outcome.title)}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={() => dismiss("payment")}
      // Mantine's teal and red titles on their light backgrounds fall short of AA contrast.
      styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
    >
      {t(outcome.text)}
    </Alert>
  );
}

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
