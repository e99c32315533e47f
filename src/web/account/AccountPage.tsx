import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/Pages.js";
import { DevicesSection } from "./DevicesSection.js";
import { HomeSection } from "./HomeSection.js";
import { NotificationsSection } from "./NotificationsSection.js";
import { PasswordSection } from "./PasswordSection.js";
import { ProfileSection } from "./ProfileSection.js";
import { SessionsSection } from "./SessionsSection.js";
import { TotpSection } from "./TotpSection.js";

/** The person's own account, the same in every area. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} mx="auto" gap="md">
      <PageHeader title={t("account.title")} />
      <HomeSection />
      <ProfileSection />
      <NotificationsSection />
      <PasswordSection />
      <SessionsSection />
      <DevicesSection />
      <TotpSection />
    </Stack>
  );
}
