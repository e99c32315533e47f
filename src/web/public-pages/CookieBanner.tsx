import { Anchor, Button, CloseButton, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api.js";
import { useMe } from "../auth/session.js";
import classes from "./CookieBanner.module.css";
import { policyHref } from "./policies.js";

type Choice = "necessary" | "analytics";

const COOKIE = "cc_cookie_choice";
const ONE_YEAR = 365 * 24 * 60 * 60;

function readChoice(): Choice | null {
  const value = document.cookie
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  return value === "necessary" || value === "analytics" ? value : null;
}

function storeChoice(choice: Choice) {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox; the value needs no escaping.
  document.cookie = `${COOKIE}=${choice}; Max-Age=${ONE_YEAR}; Path=/; SameSite=Lax${secure}`;
}

const openers = new Set<() => void>();

/** Shows the banner again, so the person can change their choice (the footer's "cookie settings"). */
export function openCookieSettings() {
  for (const open of openers) open();
}

/**
 * Asks once, on whichever page the person lands, which cookies they allow. Until they answer, only the
 * necessary ones exist (nothing here writes before the click). Both answers are buttons of equal weight.
 */
export function CookieBanner() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState(readChoice);
  const [open, setOpen] = useState(choice === null);

  useEffect(() => {
    const reopen = () => setOpen(true);
    openers.add(reopen);
    return () => {
      openers.delete(reopen);
    };
  }, []);

  const choose = (next: Choice) => {
    storeChoice(next);
    setChoice(next);
    setOpen(false);
    // Signed in to a company: the choice is also the person's analytics consent there, shown in the
    // privacy center. Elsewhere (platform admin, no company yet) the server has nowhere to keep it.
    if (!me?.current?.companyId) return;
    api
      .POST("/privacy/consents", {
        body: { purpose: "analytics", given: next === "analytics", channel: "cookie_banner" },
      })
      .then(() => queryClient.invalidateQueries({ queryKey: ["/privacy/consents"] }))
      .catch(() => {});
  };

  if (!open) return null;
  return (
    <Paper
      component="section"
      aria-label={t("cookies.title")}
      className={classes.banner}
      withBorder
      shadow="md"
      radius="md"
      p="md"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{t("cookies.title")}</Text>
          {choice && <CloseButton aria-label={t("common.close")} onClick={() => setOpen(false)} />}
        </Group>
        <Text size="sm">
          {t("cookies.text")}{" "}
          <Anchor component={Link} to={policyHref("privacy", me?.current?.companyId)} size="sm">
            {t("cookies.policyLink")}
          </Anchor>
        </Text>
        {choice && (
          <Text size="sm" c="dimmed">
            {t(`cookies.current.${choice}`)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button variant="default" onClick={() => choose("necessary")}>
            {t("cookies.necessary")}
          </Button>
          <Button variant="default" onClick={() => choose("analytics")}>
            {t("cookies.analytics")}
          </Button>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
