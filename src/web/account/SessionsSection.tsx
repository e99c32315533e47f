import { Button, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { formatDateTime } from "../format.js";
import { currentFirst, ItemRow, Section } from "./Section.js";
import { describeUserAgent } from "./userAgent.js";

const PATH = "/me/sessions";

/** Where the person is signed in, with a way to sign out anywhere but here. */
export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: [PATH], queryFn: () => api.GET(PATH) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [PATH] });
  const revoke = useMutation({
    mutationFn: (id: string) => api.DELETE("/me/sessions/{id}", { params: { path: { id } } }),
    onSuccess: refresh,
  });
  const revokeOthers = useMutation({
    mutationFn: () => api.POST("/me/sessions/revoke-others"),
    onSuccess: refresh,
  });
  const items = currentFirst(sessions.data?.items ?? []);

  return (
    <Section title={t("sessions.title")} description={t("sessions.description")}>
      {items.map((session) => {
        const device =
          session.deviceLabel ?? describeUserAgent(session.userAgent) ?? t("sessions.unknownDevice");
        return (
          <ItemRow
            key={session.id}
            title={device}
            currentLabel={session.current ? t("sessions.current") : undefined}
            details={[
              `${t("sessions.ip")}: ${session.ip ?? "—"}`,
              t("sessions.lastUsed", { time: formatDateTime(session.lastUsedAt) }),
            ]}
            actionLabel={session.current ? undefined : t("sessions.revoke")}
            actionName={t("sessions.revokeNamed", { device, time: formatDateTime(session.lastUsedAt) })}
            onAction={() => revoke.mutate(session.id)}
            pending={revoke.isPending && revoke.variables === session.id}
          />
        );
      })}
      <FormError error={sessions.error ?? revoke.error ?? revokeOthers.error} />
      {revokeOthers.isSuccess && (
        <Text size="sm" role="status">
          {t("sessions.revokedOthers", { count: revokeOthers.data.revoked })}
        </Text>
      )}
      {items.some((session) => !session.current) && (
        <Button
          variant="default"
          w="fit-content"
          loading={revokeOthers.isPending}
          onClick={() => revokeOthers.mutate()}
        >
          {t("sessions.revokeOthers")}
        </Button>
      )}
    </Section>
  );
}
