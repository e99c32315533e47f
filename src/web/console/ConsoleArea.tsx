import "../locales/console.js";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import {
  IconBell,
  IconBuilding,
  IconCalendar,
  IconCart,
  IconClipboard,
  IconDashboard,
  IconFile,
  IconGrid,
  IconHistory,
  IconMegaphone,
  IconReceipt,
  IconSettings,
  IconShield,
  IconTool,
  IconUser,
  IconUsers,
} from "../components/icons.js";
import { useAbilities, useBillingAccess } from "./access.js";
import { BuildingsPage } from "./buildings/BuildingsPage.js";
import { DashboardPage } from "./DashboardPage.js";
import { BreachClockBanner } from "./privacy/BreachClockBanner.js";
import { ResidentsPage } from "./residents/ResidentsPage.js";
import { CompanyLogo } from "./settings/CompanyLogo.js";
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
const SettingsPage = lazy(() => import("./settings/SettingsPage.js"));
const AuditPage = lazy(() => import("./audit/AuditPage.js"));
const AnnouncementsPage = lazy(() => import("./announcements/AnnouncementsPage.js"));
const ComposePage = lazy(() => import("./announcements/ComposePage.js"));
const ConversationsPage = lazy(() => import("./conversations/ConversationsPage.js"));
const SurveysPage = lazy(() => import("./surveys/SurveysPage.js"));
const TicketsPage = lazy(() => import("./tickets/TicketsPage.js"));
const ReceptionPage = lazy(() => import("./reception/ReceptionPage.js"));
const AmenitiesPage = lazy(() => import("./amenities/AmenitiesPage.js"));
const DocumentsPage = lazy(() => import("./documents/DocumentsPage.js"));
const ServicesPage = lazy(() => import("./services/ServicesPage.js"));
const PartnersPage = lazy(() => import("./partners/PartnersPage.js"));
const MarketplacePage = lazy(() => import("./marketplace/MarketplacePage.js"));
const NewSurveyPage = lazy(() => import("./surveys/NewSurveyPage.js"));

/** The privacy pages the person may open, each behind the privacy policy's action its page needs. */
function usePrivacyNav(): NavItem[] {
  const { t } = useTranslation();
  const can = useAbilities();
  const pages: [string, string, string][] = [
    ["requests", "handle_requests", t("nav.privacyRequests")],
    ["disclosures", "read_disclosures", t("nav.privacyDisclosures")],
    ["holds", "read_holds", t("nav.privacyHolds")],
    ["breaches", "manage_breaches", t("nav.privacyBreaches")],
    ["access-logs", "read_access_logs", t("nav.privacyAccessLogs")],
    ["retention", "manage_retention", t("nav.privacyRetention")],
    ["register", "read_register", t("nav.privacyRegister")],
    ["policies", "publish_policy", t("nav.privacyPolicies")],
    ["reports", "read_reports", t("nav.privacyReports")],
  ];
  return pages
    .filter(([, action]) => can("privacy", action))
    .map(([path, , label]) => ({ to: `/console/privacy/${path}`, label }));
}

/** The billing pages the person may open, in the order the navigation lists them. */
function useBillingNav(): NavItem[] {
  const { t } = useTranslation();
  const access = useBillingAccess();
  const keepsTariffs = useAbilities()("tariff", "keep");
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
  if (keepsTariffs) pages.push({ to: "/console/billing/tariffs", label: t("nav.billingTariffs") });
  return pages;
}

/** The management console: only the pages the person may open. */
export default function ConsoleArea() {
  const { t } = useTranslation();
  const can = useAbilities();
  const seesRegistry = can("resident", "list");
  const managesStaff = can("staff", "list");
  const access = useBillingAccess();
  const billing = useBillingNav();
  const privacy = usePrivacyNav();
  const privacyPath = (to: string) => privacy.some((p) => p.to === `/console/privacy/${to}`);
  const nav: NavItem[] = [
    { to: "/console", end: true, label: t("nav.dashboard"), icon: <IconDashboard /> },
    { to: "/console/buildings", label: t("nav.buildings"), icon: <IconBuilding /> },
  ];
  if (seesRegistry) nav.push({ to: "/console/residents", label: t("nav.residents"), icon: <IconUser /> });
  const announces = can("building", "announce");
  if (announces)
    nav.push({ to: "/console/announcements", label: t("nav.announcements"), icon: <IconMegaphone /> });
  if (announces) nav.push({ to: "/console/surveys", label: t("nav.surveys"), icon: <IconClipboard /> });
  const answers = can("conversation", "answer");
  if (answers) nav.push({ to: "/console/messages", label: t("nav.messages"), icon: <IconBell /> });
  const worksTickets = can("ticket", "update");
  if (worksTickets) nav.push({ to: "/console/tickets", label: t("nav.tickets"), icon: <IconTool /> });
  const desk = can("reception", "desk");
  if (desk) nav.push({ to: "/console/reception", label: t("nav.reception"), icon: <IconGrid /> });
  const bookingDesk = can("booking", "desk");
  if (bookingDesk) nav.push({ to: "/console/amenities", label: t("nav.amenities"), icon: <IconCalendar /> });
  const serviceDesk = can("service_request", "schedule");
  if (serviceDesk) nav.push({ to: "/console/services", label: t("nav.services"), icon: <IconTool /> });
  const seesPartners = can("partner", "read");
  if (seesPartners) nav.push({ to: "/console/partners", label: t("nav.partners"), icon: <IconUsers /> });
  // The partners' items to approve (the desk), the residents' orders (the desk and the accountant), and the
  // partners' settlement (the company admin and the accountant).
  const market = can("catalog_item", "read") || can("order", "read") || can("settlement", "read");
  if (market) nav.push({ to: "/console/marketplace", label: t("nav.marketplace"), icon: <IconCart /> });
  const library = can("document", "read");
  if (library) nav.push({ to: "/console/documents", label: t("nav.documents"), icon: <IconFile /> });
  // A technician has only the readings: one link, not a group of one.
  const [onlyBillingPage] = billing;
  if (billing.length === 1 && onlyBillingPage) nav.push({ ...onlyBillingPage, icon: <IconReceipt /> });
  else if (billing.length > 1) {
    nav.push({ to: "/console/billing", label: t("nav.billing"), icon: <IconReceipt />, children: billing });
  }
  if (privacy.length > 0) {
    nav.push({ to: "/console/privacy", label: t("nav.privacy"), icon: <IconShield />, children: privacy });
  }
  if (managesStaff) nav.push({ to: "/console/staff", label: t("nav.staff"), icon: <IconUsers /> });
  // Settings: the company's details for every staff member (read-only but for its admin), billing per building.
  const seesSettings = can("company_settings", "read") || access.reads;
  if (seesSettings) nav.push({ to: "/console/settings", label: t("nav.settings"), icon: <IconSettings /> });
  const readsAudit = can("audit_log", "read");
  if (readsAudit) nav.push({ to: "/console/audit", label: t("nav.auditLog"), icon: <IconHistory /> });

  return (
    <AreaShell nav={nav} context={<CompanyLogo enabled={can("company_settings", "read")} />}>
      <BreachClockBanner />
      <AreaRoutes>
        <Route index element={<DashboardPage />} />
        <Route path="buildings" element={<BuildingsPage />} />
        <Route path="buildings/:id" element={<BuildingPage />} />
        {seesRegistry && <Route path="residents" element={<ResidentsPage />} />}
        {announces && <Route path="announcements" element={<AnnouncementsPage />} />}
        {announces && <Route path="announcements/new" element={<ComposePage />} />}
        {answers && <Route path="messages" element={<ConversationsPage />} />}
        {worksTickets && <Route path="tickets" element={<TicketsPage />} />}
        {desk && <Route path="reception" element={<ReceptionPage />} />}
        {bookingDesk && <Route path="amenities" element={<AmenitiesPage />} />}
        {serviceDesk && <Route path="services" element={<ServicesPage />} />}
        {library && <Route path="documents" element={<DocumentsPage />} />}
        {seesPartners && <Route path="partners" element={<PartnersPage />} />}
        {market && <Route path="marketplace" element={<MarketplacePage />} />}
        {announces && <Route path="surveys" element={<SurveysPage />} />}
        {announces && <Route path="surveys/new" element={<NewSurveyPage />} />}
        {onlyBillingPage && <Route path="billing" element={<Navigate to={onlyBillingPage.to} replace />} />}
        {access.reads && <Route path="billing/dashboard" element={<CollectionPage />} />}
        {access.reads && <Route path="billing/fees" element={<FeeRulesPage />} />}
        {access.recordsReadings && <Route path="billing/readings" element={<ReadingsPage />} />}
        {access.reads && <Route path="billing/notices" element={<NoticesPage />} />}
        {access.reads && <Route path="billing/debts" element={<DebtsPage />} />}
        {access.takesPayments && <Route path="billing/transfers" element={<TransfersPage />} />}
        {can("tariff", "keep") && <Route path="billing/tariffs" element={<TariffsPage scope="company" />} />}
        {privacyPath("requests") && <Route path="privacy/requests" element={<RequestsPage />} />}
        {privacyPath("disclosures") && <Route path="privacy/disclosures" element={<DisclosuresPage />} />}
        {privacyPath("holds") && <Route path="privacy/holds" element={<LegalHoldsPage />} />}
        {privacyPath("breaches") && <Route path="privacy/breaches" element={<BreachesPage />} />}
        {privacyPath("access-logs") && <Route path="privacy/access-logs" element={<AccessLogsPage />} />}
        {privacyPath("retention") && <Route path="privacy/retention" element={<RetentionPage />} />}
        {privacyPath("register") && <Route path="privacy/register" element={<RegisterPage />} />}
        {privacyPath("policies") && <Route path="privacy/policies" element={<PoliciesPage />} />}
        {privacyPath("reports") && <Route path="privacy/reports" element={<ReportsPage />} />}
        {managesStaff && <Route path="staff" element={<StaffPage />} />}
        {seesSettings && <Route path="settings" element={<SettingsPage />} />}
        {readsAudit && <Route path="audit" element={<AuditPage />} />}
      </AreaRoutes>
    </AreaShell>
  );
}
