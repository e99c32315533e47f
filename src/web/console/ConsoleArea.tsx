import "../locales/console.js";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route } from "react-router";
import { useSignedInMe } from "../auth/session.js";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import {
  IconBuilding,
  IconDashboard,
  IconReceipt,
  IconShield,
  IconUser,
  IconUsers,
} from "../components/icons.js";
import { useBillingAccess, useIsCompanyAdmin, useSeesRegistry } from "./access.js";
import { BuildingsPage } from "./buildings/BuildingsPage.js";
import { DashboardPage } from "./DashboardPage.js";
import { BreachClockBanner } from "./privacy/BreachClockBanner.js";
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
const TariffsPage = lazy(() => import("../billing/TariffsPage.js"));
const RequestsPage = lazy(() => import("./privacy/RequestsPage.js"));
const BreachesPage = lazy(() => import("./privacy/BreachesPage.js"));
const DisclosuresPage = lazy(() => import("./privacy/DisclosuresPage.js"));
const AccessLogsPage = lazy(() => import("./privacy/AccessLogsPage.js"));
const RetentionPage = lazy(() => import("./privacy/RetentionPage.js"));
const RegisterPage = lazy(() => import("./privacy/RegisterPage.js"));
const PoliciesPage = lazy(() => import("./privacy/PoliciesPage.js"));
const LegalHoldsPage = lazy(() => import("./privacy/LegalHoldsPage.js"));
const ReportsPage = lazy(() => import("./privacy/ReportsPage.js"));

/** The privacy pages the current role may open: customer care handles requests; the company admin all of it. */
function usePrivacyNav(): NavItem[] {
  const { t } = useTranslation();
  const role = useSignedInMe().current?.role;
  const pages: NavItem[] = [];
  const admin = role === "company_admin";
  if (admin || role === "customer_care") {
    pages.push({ to: "/console/privacy/requests", label: t("nav.privacyRequests") });
    pages.push({ to: "/console/privacy/disclosures", label: t("nav.privacyDisclosures") });
    pages.push({ to: "/console/privacy/holds", label: t("nav.privacyHolds") });
  }
  if (admin) {
    pages.push({ to: "/console/privacy/breaches", label: t("nav.privacyBreaches") });
    pages.push({ to: "/console/privacy/access-logs", label: t("nav.privacyAccessLogs") });
    pages.push({ to: "/console/privacy/retention", label: t("nav.privacyRetention") });
    pages.push({ to: "/console/privacy/register", label: t("nav.privacyRegister") });
    pages.push({ to: "/console/privacy/policies", label: t("nav.privacyPolicies") });
  }
  if (admin || role === "building_manager" || role === "accountant" || role === "owners_board") {
    pages.push({ to: "/console/privacy/reports", label: t("nav.privacyReports") });
  }
  return pages;
}

/** The billing pages the current role may open, in the order the navigation lists them. */
function useBillingNav(): NavItem[] {
  const { t } = useTranslation();
  const access = useBillingAccess();
  const isAdmin = useIsCompanyAdmin();
  const pages: NavItem[] = [];
  if (access.reads) pages.push({ to: "/console/billing/dashboard", label: t("nav.billingDashboard") });
  if (access.reads) pages.push({ to: "/console/billing/fees", label: t("nav.billingFees") });
  if (access.recordsReadings)
    pages.push({ to: "/console/billing/readings", label: t("nav.billingReadings") });
  if (access.reads) pages.push({ to: "/console/billing/notices", label: t("nav.billingNotices") });
  if (access.reads) pages.push({ to: "/console/billing/debts", label: t("nav.billingDebts") });
  if (access.takesPayments)
    pages.push({ to: "/console/billing/transfers", label: t("nav.billingTransfers") });
  // The company's local water tariffs: its admin keeps them (electricity is national, the platform's).
  if (isAdmin) pages.push({ to: "/console/billing/tariffs", label: t("nav.billingTariffs") });
  return pages;
}

/** The management console: only pages that exist, and staff management only for company admins. */
export default function ConsoleArea() {
  const { t } = useTranslation();
  const isAdmin = useIsCompanyAdmin();
  const seesRegistry = useSeesRegistry();
  const access = useBillingAccess();
  const billing = useBillingNav();
  const privacy = usePrivacyNav();
  const privacyPath = (to: string) => privacy.some((p) => p.to === `/console/privacy/${to}`);
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
  if (privacy.length > 0) {
    nav.push({ to: "/console/privacy", label: t("nav.privacy"), icon: <IconShield />, children: privacy });
  }
  if (isAdmin) nav.push({ to: "/console/staff", label: t("nav.staff"), icon: <IconUsers /> });

  return (
    <AreaShell nav={nav}>
      <BreachClockBanner />
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
        {isAdmin && <Route path="billing/tariffs" element={<TariffsPage scope="company" />} />}
        {privacyPath("requests") && <Route path="privacy/requests" element={<RequestsPage />} />}
        {privacyPath("disclosures") && <Route path="privacy/disclosures" element={<DisclosuresPage />} />}
        {privacyPath("holds") && <Route path="privacy/holds" element={<LegalHoldsPage />} />}
        {privacyPath("breaches") && <Route path="privacy/breaches" element={<BreachesPage />} />}
        {privacyPath("access-logs") && <Route path="privacy/access-logs" element={<AccessLogsPage />} />}
        {privacyPath("retention") && <Route path="privacy/retention" element={<RetentionPage />} />}
        {privacyPath("register") && <Route path="privacy/register" element={<RegisterPage />} />}
        {privacyPath("policies") && <Route path="privacy/policies" element={<PoliciesPage />} />}
        {privacyPath("reports") && <Route path="privacy/reports" element={<ReportsPage />} />}
        {isAdmin && <Route path="staff" element={<StaffPage />} />}
      </AreaRoutes>
    </AreaShell>
  );
}
