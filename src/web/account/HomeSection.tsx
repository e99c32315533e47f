import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedInMe } from "../auth/session.js";
import { Section } from "./Section.js";

/** For residents: the way to their household, vehicles, messages and the data held about them. */
export function HomeSection() {
  const { t } = useTranslation();
  if (useSignedInMe().current?.role !== "resident") return null;
  return (
    <Section title={t("account.residentTitle")} description={t("account.residentDescription")}>
      <Group gap="sm">
        <Button component={Link} to="/app/household" variant="light">
          {t("household.title")}
        </Button>
        <Button component={Link} to="/app/vehicles" variant="light">
          {t("vehicles.title")}
        </Button>
        <Button component={Link} to="/app/my-data" variant="light">
          {t("myData.link")}
        </Button>
        <Button component={Link} to="/app/privacy" variant="light">
          {t("privacyCenter.link")}
        </Button>
        <Button component={Link} to="/app/notifications" variant="light">
          {t("notifications.title")}
        </Button>
      </Group>
    </Section>
  );
}
