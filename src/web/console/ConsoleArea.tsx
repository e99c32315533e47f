import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { IconBuilding, IconDashboard, IconUsers } from "../components/icons.js";
import { useIsCompanyAdmin } from "./access.js";
import { BuildingsPage } from "./buildings/BuildingsPage.js";
import { DashboardPage } from "./DashboardPage.js";
import { StaffPage } from "./staff/StaffPage.js";
import { BuildingPage } from "./units/BuildingPage.js";

/** The management console: only pages that exist, and staff management only for company admins. */
export default function ConsoleArea() {
  const { t } = useTranslation();
  const isAdmin = useIsCompanyAdmin();
  const nav: NavItem[] = [
    { to: "/console", end: true, label: t("nav.dashboard"), icon: <IconDashboard /> },
    { to: "/console/buildings", label: t("nav.buildings"), icon: <IconBuilding /> },
  ];
  if (isAdmin) nav.push({ to: "/console/staff", label: t("nav.staff"), icon: <IconUsers /> });

  return (
    <AreaShell nav={nav}>
      <AreaRoutes>
        <Route index element={<DashboardPage />} />
        <Route path="buildings" element={<BuildingsPage />} />
        <Route path="buildings/:id" element={<BuildingPage />} />
        {isAdmin && <Route path="staff" element={<StaffPage />} />}
      </AreaRoutes>
    </AreaShell>
  );
}
