import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { IconBuilding, IconDashboard, IconReceipt, IconUser, IconUsers } from "../components/icons.js";
import { useBillingAccess, useIsCompanyAdmin, useSeesRegistry } from "./access.js";
import { BuildingsPage } from "./buildings/BuildingsPage.js";
import { DashboardPage } from "./DashboardPage.js";
import { ResidentsPage } from "./residents/ResidentsPage.js";
import { StaffPage } from "./staff/StaffPage.js";
import { BuildingPage } from "./units/BuildingPage.js";

// Billing pages load when first opened: most visits to the console never need them all.
const FeeRulesPage = lazy(() => import("./billing/FeeRulesPage.js"));
const ReadingsPage = lazy(() => import("./billing/ReadingsPage.js"));
const NoticesPage = lazy(() => import("./billing/NoticesPage.js"));
const TransfersPage = lazy(() => import("./billing/TransfersPage.js"));
// The overview brings the charts library: only those who open it download it.
const CollectionPage = lazy(() => import("./billing/CollectionPage.js"));
const DebtsPage = lazy(() => import("./billing/DebtsPage.js"));

/** The billing pages the current role may open, in the order the navigation lists them. */
function useBillingNav(): NavItem[] {
  const { t } = useTranslation();
  const access = useBillingAccess();
  const pages: NavItem[] = [];
  if (access.reads) pages.push({ to: "/console/billing/dashboard", label: t("nav.billingDashboard") });
  if (access.reads) pages.push({ to: "/console/billing/fees", label: t("nav.billingFees") });
  if (access.recordsReadings)
    pages.push({ to: "/console/billing/readings", label: t("nav.billingReadings") });
  if (access.reads) pages.push({ to: "/console/billing/notices", label: t("nav.billingNotices") });
  if (access.reads) pages.push({ to: "/console/billing/debts", label: t("nav.billingDebts") });
  if (access.takesPayments)
    pages.push({ to: "/console/billing/transfers", label: t("nav.billingTransfers") });
  return pages;
}

/** The management console: only pages that exist, and staff management only for company admins. */
export default function ConsoleArea() {
  const { t } = useTranslation();
  const isAdmin = useIsCompanyAdmin();
  const seesRegistry = useSeesRegistry();
  const access = useBillingAccess();
  const billing = useBillingNav();
  const nav: NavItem[] = [
    { to: "/console", end: true, label: t("nav.dashboard"), icon: <IconDashboard /> },
    { to: "/console/buildings", label: t("nav.buildings"), icon: <IconBuilding /> },
  ];
  if (seesRegistry) nav.push({ to: "/console/residents", label: t("nav.residents"), icon: <IconUser /> });
  // A technician has only the readings: one link, not a group of one.
  const [onlyBillingPage] = billing;
  if (billing.length === 1 && onlyBillingPage) nav.push({ ...onlyBillingPage, icon: <IconReceipt /> });
  else if (billing.length > 1) {
    nav.push({ to: "/console/billing", label: t("nav.billing"), icon: <IconReceipt />, children: billing });
  }
  if (isAdmin) nav.push({ to: "/console/staff", label: t("nav.staff"), icon: <IconUsers /> });

  return (
    <AreaShell nav={nav}>
      <AreaRoutes>
        <Route index element={<DashboardPage />} />
        <Route path="buildings" element={<BuildingsPage />} />
        <Route path="buildings/:id" element={<BuildingPage />} />
        {seesRegistry && <Route path="residents" element={<ResidentsPage />} />}
        {onlyBillingPage && <Route path="billing" element={<Navigate to={onlyBillingPage.to} replace />} />}
        {access.reads && <Route path="billing/dashboard" element={<CollectionPage />} />}
        {access.reads && <Route path="billing/fees" element={<FeeRulesPage />} />}
        {access.recordsReadings && <Route path="billing/readings" element={<ReadingsPage />} />}
        {access.reads && <Route path="billing/notices" element={<NoticesPage />} />}
        {access.reads && <Route path="billing/debts" element={<DebtsPage />} />}
        {access.takesPayments && <Route path="billing/transfers" element={<TransfersPage />} />}
        {isAdmin && <Route path="staff" element={<StaffPage />} />}
      </AreaRoutes>
    </AreaShell>
  );
}
