import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Breach } from "../../../contracts/index.js";
import { formatHms, isUrgent, msLeft, type Severity, useNow, usePrivacyWords } from "./privacy.js";

/** Mantine's orange falls short of AA contrast with white; this one reaches 6:1. */
export const DEEP_ORANGE = "#a63d00";
const SEVERITY_COLORS = { low: "gray.7", medium: "yellow.4", high: DEEP_ORANGE, critical: "red.9" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const words = usePrivacyWords();
  return (
    <Badge
      color={SEVERITY_COLORS[severity]}
      variant="filled"
      tt="none"
      radius="sm"
      autoContrast
      miw="max-content"
    >
      {words.severity(severity)}
    </Badge>
  );
}

type ClockProps = {
  clock: Breach["clock"];
  /** When the clock was read from the server (the query's dataUpdatedAt). */
  fetchedAt: number;
};

/** The time left on a 72-hour clock, counting down each second. */
export function useBreachCountdown({ clock, fetchedAt }: ClockProps) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const ms = msLeft(clock.secondsLeft, fetchedAt, now);
  return {
    overdue: ms < 0,
    urgent: isUrgent(ms),
    text:
      ms < 0 ? t("breaches.overdueBy", { time: formatHms(ms) }) : t("breaches.left", { time: formatHms(ms) }),
  };
}

/** An incident's notification deadline: the countdown until the authority has been told, then when it was. */
export function BreachClock({
  breach,
  fetchedAt,
  size = "sm",
}: {
  breach: Pick<Breach, "clock" | "authorityNotifiedAt">;
  fetchedAt: number;
  size?: string;
}) {
  const { t } = useTranslation();
  if (breach.authorityNotifiedAt) {
    return (
      <Text size={size} c="teal.9">
        {t("breaches.reported")}
      </Text>
    );
  }
  return <Countdown clock={breach.clock} fetchedAt={fetchedAt} size={size} />;
}

function Countdown({ size, ...props }: ClockProps & { size: string }) {
  const countdown = useBreachCountdown(props);
  return (
    <Text
      size={size}
      fw={700}
      style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
      c={countdown.urgent ? "red.9" : DEEP_ORANGE}
    >
      {countdown.text}
    </Text>
  );
}
