import { Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { formatDate, formatDateTime } from "../format.js";
import { currentFirst, ItemRow, Section } from "./Section.js";

const PATH = "/me/devices";

/** Devices that skip the one-time code at sign-in; forgetting one makes it ask again. */
export function DevicesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: [PATH], queryFn: () => api.GET(PATH) });
  const forget = useMutation({
    mutationFn: (id: string) => api.DELETE("/me/devices/{id}", { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  const items = currentFirst(devices.data?.items ?? []);

  return (
    <Section title={t("devices.title")} description={t("devices.description")}>
      {devices.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("devices.empty")}
        </Text>
      )}
      {items.map((device) => (
        <ItemRow
          key={device.id}
          title={device.label}
          currentLabel={device.current ? t("devices.current") : undefined}
          details={[
            t("devices.lastSeen", { time: formatDateTime(device.lastSeenAt) }),
            t("devices.trustedUntil", { date: formatDate(device.trustedUntil) }),
          ]}
          actionLabel={t("devices.forget")}
          actionName={t("devices.forgetNamed", { device: device.label })}
          onAction={() => forget.mutate(device.id)}
          pending={forget.isPending && forget.variables === device.id}
        />
      ))}
      <FormError error={devices.error ?? forget.error} />
    </Section>
  );
}
