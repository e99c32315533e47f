import { Anchor, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { openCookieSettings } from "./CookieBanner.js";
import { policyHref } from "./policies.js";

/**
 * The links every page carries: the privacy policy and terms (the company's own when the person is in
 * one), and the way back to the cookie choice.
 */
export function Footer({ companyId }: { companyId?: string | null }) {
  const { t } = useTranslation();
  return (
    <Group component="footer" justify="center" gap="md" py="md" px="sm">
      <Anchor component={Link} to={policyHref("privacy", companyId)} size="xs" c="dimmed">
        {t("footer.privacy")}
      </Anchor>
      <Anchor component={Link} to={policyHref("terms", companyId)} size="xs" c="dimmed">
        {t("footer.terms")}
      </Anchor>
      <Anchor component="button" type="button" onClick={openCookieSettings} size="xs" c="dimmed">
        {t("footer.cookies")}
      </Anchor>
    </Group>
  );
}
