import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell } from "../components/AreaShell.js";
import { EmptyPage } from "../components/EmptyPage.js";
import { IconClipboard } from "../components/icons.js";

/** Today's jobs and deliveries assigned to the partner; none can be assigned yet in this version. */
function TodayPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      title={t("partner.title")}
      icon={<IconClipboard size={32} />}
      emptyTitle={t("partner.emptyTitle")}
      description={t("partner.empty")}
    />
  );
}

export default function PartnerArea() {
  return (
    <AreaShell>
      <AreaRoutes>
        <Route index element={<TodayPage />} />
      </AreaRoutes>
    </AreaShell>
  );
}
