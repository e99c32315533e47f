import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";

/** The gateway's page to go to (pay a notice, or save a card for auto-pay). */
export type Redirect = { url: string };

/** Leaves the app for the gateway's page; it sends the browser back to the notice or the list. */
export function goTo(redirect: Redirect) {
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
export function useReturnParam() {
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
