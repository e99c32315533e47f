import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.js";
import { DEEP_ORANGE, useBreachCountdown } from "./BreachParts.js";
import { type BreachClocks, CLOCKS_PATH } from "./privacy.js";

type Item = BreachClocks["items"][number];

function ClockLine({ item, fetchedAt }: { item: Item; fetchedAt: number }) {
  const { t } = useTranslation();
  const countdown = useBreachCountdown({ clock: item.clock, fetchedAt });
  return (
    <Paper
      px="md"
      py={8}
      radius="md"
      bg={countdown.urgent ? "red.9" : DEEP_ORANGE}
      c="white"
      role="group"
      aria-label={t("breaches.bannerLabel")}
    >
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {item.incident ? t("breaches.banner", { title: item.incident.title }) : t("breaches.bannerGeneric")}{" "}
          <Text span fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
            {countdown.overdue ? countdown.text : t("breaches.bannerLeft", { time: countdown.text })}
          </Text>
        </Text>
        {item.incident && (
          <Anchor
            component={Link}
            to={`/console/privacy/breaches?breach=${item.incident.id}`}
            c="white"
            size="sm"
            fw={600}
            underline="always"
          >
            {t("breaches.bannerOpen")}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}

/**
 * Open incidents' 72-hour clocks at the top of every console page, until both the authority and the affected
 * residents have been told. Roles that may open an incident see its title and a link to it; other staff see a
 * generic notice with the clock (the server sends them no title). A failed read shows nothing: the banner is
 * a reminder, never in the way.
 */
export function BreachClockBanner() {
  const clocks = useQuery({
    queryKey: [CLOCKS_PATH],
    queryFn: () => api.GET(CLOCKS_PATH),
    // A refusal (a role without access) is final: no asking again every minute.
    refetchInterval: (query) => (query.state.status === "error" ? false : 60_000),
  });
  const pending =
    clocks.data?.items.filter((item) => !item.authorityNotifiedAt || !item.residentsNotifiedAt) ?? [];
  if (pending.length === 0) return null;
  return (
    <Stack gap={6} mb="md">
      {pending.map((item) => (
        <ClockLine key={item.key} item={item} fetchedAt={clocks.dataUpdatedAt} />
      ))}
    </Stack>
  );
}
