import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { SignInResult } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { formatTime } from "../format.js";
import { CodeForm } from "./CodeForm.js";

/** Where the one-time code went; the sign-in page passes it in navigation state. */
export type OtpChallenge = Extract<SignInResult, { status: "otp_required" }>;
type Channel = OtpChallenge["channel"];

export function OtpPage() {
  const { t } = useTranslation();
  const location = useLocation();
  // Lost on a reload; the code still works, only where it went is not shown.
  const [challenge, setChallenge] = useState(location.state as OtpChallenge | null);
  const resend = useMutation({
    mutationFn: (channel?: Channel) => api.POST("/auth/otp/resend", { body: channel ? { channel } : {} }),
    // The answer is a sign-in step; for a session waiting for its code, always a new code's challenge.
    onSuccess: (result) => result.status === "otp_required" && setChallenge(result),
  });
  const otherChannels = challenge?.channels.filter((channel) => channel !== challenge.channel) ?? [];

  return (
    <Stack>
      <Title order={1} size="h3">
        {t("otp.title")}
      </Title>
      <Text size="sm">
        {challenge
          ? t("otp.sentTo", { destination: challenge.destination, time: formatTime(challenge.expiresAt) })
          : t("otp.sent")}
      </Text>
      <CodeForm label={t("otp.code")} path="/auth/otp/verify" />
      <Group justify="center" gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          loading={resend.isPending}
          onClick={() => resend.mutate(undefined)}
        >
          {t("otp.resend")}
        </Button>
        {otherChannels.map((channel) => (
          <Button key={channel} variant="subtle" size="compact-sm" onClick={() => resend.mutate(channel)}>
            {t(`otp.resendVia.${channel}`)}
          </Button>
        ))}
      </Group>
      {resend.data?.status === "otp_required" && (
        <Text role="status" size="sm" ta="center">
          {t("otp.resent", { destination: resend.data.destination })}
        </Text>
      )}
      <FormError error={resend.error} />
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t("common.backToSignIn")}
      </Anchor>
    </Stack>
  );
}
