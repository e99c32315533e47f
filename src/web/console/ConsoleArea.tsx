import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { IconBuilding, IconDashboard, IconUser, IconUsers } from "../components/icons.js";
import { useIsCompanyAdmin, useSeesRegistry } from "./access.js";
import { BuildingsPage } from "./buildings/BuildingsPage.js";
import { DashboardPage } from "./DashboardPage.js";
import { ResidentsPage } from "./residents/ResidentsPage.js";
import { StaffPage } from "./staff/StaffPage.js";
import { BuildingPage } from "./units/BuildingPage.js";

/** The management console: only pages that exist, and staff management only for company admins. */
export default function ConsoleArea() {
  const { t } = useTranslation();
  const isAdmin = useIsCompanyAdmin();
  const seesRegistry = useSeesRegistry();
  const nav: NavItem[] = [
    { to: "/console", end: true, label: t("nav.dashboard"), icon: <IconDashboard /> },
    { to: "/console/buildings", label: t("nav.buildings"), icon: <IconBuilding /> },
  ];
  if (seesRegistry) nav.push({ to: "/console/residents", label: t("nav.residents"), icon: <IconUser /> });
  if (isAdmin) nav.push({ to: "/console/staff", label: t("nav.staff"), icon: <IconUsers /> });

  return (
    <AreaShell nav={nav}>
      <AreaRoutes>
        <Route index element={<DashboardPage />} />
        <Route path="buildings" element={<BuildingsPage />} />
        <Route path="buildings/:id" element={<BuildingPage />} />
        {seesRegistry && <Route path="residents" element={<ResidentsPage />} />}
        {isAdmin && <Route path="staff" element={<StaffPage />} />}
      </AreaRoutes>
    </AreaShell>
  );
}
