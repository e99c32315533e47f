import { type ComponentType, lazy, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { IconHome, IconReceipt, IconUser } from "../components/icons.js";
import { HomePage } from "./HomePage.js";
import { useResidentHome } from "./home.js";
import { NotificationBell } from "./privacy/NotificationBell.js";
import { UnitSwitcher } from "./UnitSwitcher.js";
import { ChosenUnitProvider, useChosenUnit } from "./units.js";

const HouseholdPage = lazy(() => import("./HouseholdPage.js").then((m) => ({ default: m.HouseholdPage })));
const MyDataPage = lazy(() => import("./MyDataPage.js").then((m) => ({ default: m.MyDataPage })));
const VehiclesPage = lazy(() => import("./HouseholdPage.js").then((m) => ({ default: m.VehiclesPage })));
const InvoicesPage = lazy(() => import("./InvoicesPage.js").then((m) => ({ default: m.InvoicesPage })));
const InvoicePage = lazy(() => import("./InvoicePage.js").then((m) => ({ default: m.InvoicePage })));
const NotificationsPage = lazy(() =>
  import("./NotificationsPage.js").then((m) => ({ default: m.NotificationsPage })),
);
const PrivacyCenterPage = lazy(() =>
  import("./privacy/PrivacyCenterPage.js").then((m) => ({ default: m.PrivacyCenterPage })),
);
const ConsentsPage = lazy(() =>
  import("./privacy/ConsentsPage.js").then((m) => ({ default: m.ConsentsPage })),
);
const RequestsPage = lazy(() =>
  import("./privacy/RequestsPage.js").then((m) => ({ default: m.RequestsPage })),
);

/**
 * The tabs a module can fill, by the key its manifest declares (`residentTabs`), with their page here. A tab
 * shows only once the server says a module provides it: Dịch vụ and Phản ánh come with their modules.
 */
const MODULE_TABS: Record<
  string,
  { path: string; label: "resident.invoices.tab"; Icon: ComponentType<{ size?: number }> }
> = {
  invoices: { path: "invoices", label: "resident.invoices.tab", Icon: IconReceipt },
};

const TABS_KEY = "cc.resident.tabs";

/** The tabs the last home answer named, so the bar does not change under the finger while the home loads. */
function rememberedTabs(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(TABS_KEY) ?? "null");
    return Array.isArray(stored) ? stored.filter((t): t is string => typeof t === "string") : ["invoices"];
  } catch {
    return ["invoices"];
  }
}

function useModuleTabs(): string[] {
  const { chosen } = useChosenUnit();
  const tabs = useResidentHome(chosen?.unitId).data?.tabs;
  useEffect(() => {
    if (!tabs) return;
    try {
      localStorage.setItem(TABS_KEY, JSON.stringify(tabs));
    } catch {
      // Storage unavailable (private mode): the bar waits for the answer on the next visit.
    }
  }, [tabs]);
  return tabs ?? rememberedTabs();
}

function ResidentShell() {
  const { t } = useTranslation();
  const tabs: NavItem[] = [
    { to: "/app/", end: true, label: t("resident.home.tab"), icon: <IconHome size={22} /> },
    ...useModuleTabs().flatMap((key) => {
      const tab = MODULE_TABS[key];
      return tab ? [{ to: `/app/${tab.path}`, label: t(tab.label), icon: <tab.Icon size={22} /> }] : [];
    }),
    { to: "/app/account", label: t("header.account"), icon: <IconUser size={22} /> },
  ];
  return (
    <AreaShell tabs={tabs} context={<UnitSwitcher />} actions={<NotificationBell />}>
      <AreaRoutes>
        <Route index element={<HomePage />} />
        <Route path="invoices" element={<InvoicesPage />} />
        <Route path="invoices/:id" element={<InvoicePage />} />
        <Route path="household" element={<HouseholdPage />} />
        <Route path="vehicles" element={<VehiclesPage />} />
        <Route path="my-data" element={<MyDataPage />} />
        <Route path="privacy" element={<PrivacyCenterPage />} />
        <Route path="privacy/consents" element={<ConsentsPage />} />
        <Route path="privacy/requests" element={<RequestsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
      </AreaRoutes>
    </AreaShell>
  );
}

export default function ResidentArea() {
  return (
    <ChosenUnitProvider>
      <ResidentShell />
    </ChosenUnitProvider>
  );
}
