import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { IconCart, IconClipboard, IconMegaphone, IconReceipt, IconUser } from "../components/icons.js";
import { lazyPage } from "../components/lazyPage.js";
import { JobsPage } from "./JobsPage.js";
import { usePartnerProfile } from "./profile.js";

const CatalogPage = lazyPage(() => import("./CatalogPage.js").then((m) => m.CatalogPage));
const PromotionsPage = lazyPage(() => import("./PromotionsPage.js").then((m) => m.PromotionsPage));
const StatementPage = lazyPage(() => import("./StatementPage.js").then((m) => m.StatementPage));

/** Whose portal this is: the partner's name in the header, once known (a phone's header has no room for it). */
function PartnerName() {
  const profile = usePartnerProfile();
  if (!profile.data) return null;
  return (
    <Text size="sm" fw={600} truncate="end" maw={320} visibleFrom="sm">
      {profile.data.displayName}
    </Text>
  );
}

/**
 * The partner portal, on the phone of the person delivering: the open jobs, the partner's own items and
 * promotions, and its monthly statement.
 */
export default function PartnerArea() {
  const { t } = useTranslation();
  const tabs: NavItem[] = [
    { to: "/partner", end: true, label: t("jobs.tab"), icon: <IconClipboard size={22} /> },
    { to: "/partner/catalog", label: t("partnerCatalog.tab"), icon: <IconCart size={22} /> },
    { to: "/partner/promotions", label: t("partnerPromotions.tab"), icon: <IconMegaphone size={22} /> },
    { to: "/partner/statement", label: t("partnerStatement.tab"), icon: <IconReceipt size={22} /> },
    { to: "/partner/account", label: t("header.account"), icon: <IconUser size={22} /> },
  ];
  return (
    <AreaShell tabs={tabs} actions={<PartnerName />}>
      <AreaRoutes>
        <Route index element={<JobsPage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="promotions" element={<PromotionsPage />} />
        <Route path="statement" element={<StatementPage />} />
      </AreaRoutes>
    </AreaShell>
  );
}
