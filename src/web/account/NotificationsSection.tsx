import { Button, Checkbox, Group, Switch, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { pushSupported, subscribeToPush, unsubscribeFromPush } from "../platform/push.js";
import { Section } from "./Section.js";

const PATH = "/me/notification-preferences";
const loadPreferences = () => api.GET(PATH);

type Preferences = Awaited<ReturnType<typeof loadPreferences>>;
type Channel = "push" | "email" | "zalo" | "sms";

/** How the person is told: channels per category, quiet hours, and push on this device. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: [PATH], queryFn: loadPreferences });
  const [draft, setDraft] = useState<Preferences | null>(null);
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);
  const save = useMutation({
    mutationFn: (p: Preferences) =>
      api.PUT(PATH, {
        body: {
          categories: p.categories.map((c) => ({ category: c.category, channels: c.channels })),
          quietHours: p.quietHours,
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  if (!draft) return null;
  const channels = draft.available as Channel[];
  const toggle = (category: string, channel: Channel, on: boolean) =>
    setDraft({
      ...draft,
      categories: draft.categories.map((c) =>
        c.category === category ? { ...c, channels: { ...c.channels, [channel]: on } } : c,
      ),
    });
  return (
    <Section title={t("notifyPrefs.title")} description={t("notifyPrefs.description")}>
      <PushOnThisDevice available={channels.includes("push")} />
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={130}>{t("notifyPrefs.category")}</Table.Th>
              {channels.map((c) => (
                <Table.Th key={c} ta="center">
                  {t(`notifyPrefs.channels.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.categories.map((row) => (
              <Table.Tr key={row.category}>
                <Table.Td>
                  <Text size="sm">{t(`notifyPrefs.categories.${row.category}`)}</Text>
                  {row.category === "marketing" && (
                    <Text size="xs" c="dimmed">
                      {t("notifyPrefs.marketingHint")}
                    </Text>
                  )}
                </Table.Td>
                {channels.map((c) => (
                  <Table.Td key={c}>
                    <Checkbox
                      mx="auto"
                      w="fit-content"
                      checked={row.channels[c]}
                      disabled={row.locked.includes(c)}
                      onChange={(e) => toggle(row.category, c, e.currentTarget.checked)}
                      aria-label={`${t(`notifyPrefs.categories.${row.category}`)}: ${t(`notifyPrefs.channels.${c}`)}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Switch
        label={t("notifyPrefs.quiet")}
        description={t("notifyPrefs.quietHint")}
        checked={draft.quietHours !== null}
        onChange={(e) =>
          setDraft({ ...draft, quietHours: e.currentTarget.checked ? { from: "21:00", to: "07:00" } : null })
        }
      />
      {draft.quietHours && (
        <Group>
          <TextInput
            type="time"
            label={t("notifyPrefs.quietFrom")}
            value={draft.quietHours.from}
            onChange={(e) =>
              setDraft({
                ...draft,
                quietHours: { to: "07:00", ...draft.quietHours, from: e.currentTarget.value },
              })
            }
          />
          <TextInput
            type="time"
            label={t("notifyPrefs.quietTo")}
            value={draft.quietHours.to}
            onChange={(e) =>
              setDraft({
                ...draft,
                quietHours: { from: "21:00", ...draft.quietHours, to: e.currentTarget.value },
              })
            }
          />
        </Group>
      )}
      <FormError error={saved.error ?? save.error} />
      {save.isSuccess && !save.isPending && (
        <Text size="sm" role="status">
          {t("notifyPrefs.saved")}
        </Text>
      )}
      <Button w="fit-content" loading={save.isPending} onClick={() => save.mutate(draft)}>
        {t("notifyPrefs.save")}
      </Button>
    </Section>
  );
}

/** Turns Web Push on or off for this browser (the app's service worker shows what arrives). */
function PushOnThisDevice({ available }: { available: boolean }) {
  const { t } = useTranslation();
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    if (!available || !pushSupported()) return;
    navigator.serviceWorker
      .getRegistration()
      .then((r) => r?.pushManager.getSubscription())
      .then((s) => setOn(Boolean(s)))
      .catch(() => setOn(false));
  }, [available]);
  const change = useMutation({
    mutationFn: async (turnOn: boolean) => {
      if (turnOn) {
        const { publicKey } = await api.GET("/push/key");
        if (!publicKey) throw new Error(t("notifyPrefs.pushUnavailable"));
        const subscription = await subscribeToPush(publicKey);
        await api.POST("/me/push-subscriptions", {
          body: {
            endpoint: subscription.endpoint ?? "",
            keys: { p256dh: subscription.keys?.p256dh ?? "", auth: subscription.keys?.auth ?? "" },
            label: navigator.userAgent.slice(0, 100),
          },
        });
      } else {
        const subscription = await navigator.serviceWorker
          .getRegistration()
          .then((r) => r?.pushManager.getSubscription());
        if (subscription)
          await api.POST("/me/push-subscriptions/remove", { body: { endpoint: subscription.endpoint } });
        await unsubscribeFromPush();
      }
      return turnOn;
    },
    onSuccess: setOn,
  });
  if (!available || !pushSupported()) return null;
  return (
    <>
      <Switch
        label={t("notifyPrefs.push")}
        description={t("notifyPrefs.pushHint")}
        checked={on ?? false}
        disabled={on === null || change.isPending}
        onChange={(e) => change.mutate(e.currentTarget.checked)}
      />
      <FormError error={change.error} />
    </>
  );
}
