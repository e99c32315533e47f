import { EmptyState, NativeSelect, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import "../../locales/settings.js";
import { FormError } from "../../components/forms.js";
import { IconBuilding } from "../../components/icons.js";
import { PageHeader } from "../../components/Pages.js";
import { useAbilities, useBillingAccess } from "../access.js";
import { SectionLoader } from "../billing/Section.js";
import { rememberedBuilding } from "../billing/scope.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { RetentionSettingsSection } from "../privacy/RetentionPage.js";
import { BankAccountsSection } from "./BankAccountsSection.js";
import { BillingSettingsSection } from "./BillingSettingsSection.js";
import { DeadLettersSection } from "./DeadLettersSection.js";
import { LogoSection, ProfileSection, SendersSection } from "./ProfileSections.js";
import { useCompanyProfile } from "./settings.js";
import { TicketSlaSection } from "./TicketSlaSection.js";

/** Each building's billing settings and bank accounts, the building chosen here (and kept in the address). */
function BuildingSettings() {
  const { t } = useTranslation();
  const buildings = useAllBuildings();
  const [params, setParams] = useSearchParams();
  if (buildings.isPending) return <SectionLoader />;
  if (buildings.isError) return <FormError error={buildings.error} />;
  const items = buildings.data.items;
  const wanted = params.get("building") ?? rememberedBuilding();
  const building = items.find((b) => b.id === wanted) ?? items[0];
  return (
    <Stack gap="md" id="billing">
      <Stack gap={4}>
        <Text fw={700} size="lg" component="h2">
          {t("settings.byBuilding")}
        </Text>
        <Text size="sm" c="dimmed">
          {t("settings.byBuildingHint")}
        </Text>
      </Stack>
      {!building ? (
        <EmptyState
          icon={<IconBuilding size={32} />}
          variant="light"
          title={t("settings.noBuildings")}
          py="lg"
        />
      ) : (
        <>
          <NativeSelect
            label={t("settings.building")}
            data={items.map((b) => ({ value: b.id, label: b.name }))}
            value={building.id}
            onChange={(e) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.set("building", e.currentTarget.value);
                  return next;
                },
                { replace: true },
              )
            }
            w={{ base: "100%", sm: 320 }}
          />
          <BillingSettingsSection buildingId={building.id} />
          <BankAccountsSection buildingId={building.id} />
        </>
      )}
    </Stack>
  );
}

/**
 * Cài đặt: what is scattered otherwise and feeds every document — the company's details and logo, the names
 * messages go out under, each building's billing settings and bank accounts, retention. Each section shows
 * to whoever may read it; only those who may change it get a form that saves.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const can = useAbilities();
  const billing = useBillingAccess();
  const readsProfile = can("company_settings", "read");
  const profile = useCompanyProfile(readsProfile);
  return (
    <Stack gap={0}>
      <PageHeader title={t("settings.title")} />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("settings.intro")}
      </Text>
      <Stack gap="lg">
        {readsProfile &&
          (profile.isPending ? (
            <SectionLoader />
          ) : profile.isError ? (
            <FormError error={profile.error} />
          ) : (
            <>
              <ProfileSection profile={profile.data} />
              <LogoSection profile={profile.data} />
              <SendersSection profile={profile.data} />
            </>
          ))}
        {billing.reads && <BuildingSettings />}
        {can("privacy", "manage_retention") && <RetentionSettingsSection title={t("settings.retention")} />}
        {can("ticket", "assign") && <TicketSlaSection editable={can("ticket", "configure")} />}
        {can("notification_delivery", "read") && <DeadLettersSection />}
      </Stack>
    </Stack>
  );
}
