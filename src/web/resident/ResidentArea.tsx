import { type ComponentType, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, Route } from "react-router";
import { prefetchInvoice } from "../billing/billing.js";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { IconHome, IconReceipt, IconUser } from "../components/icons.js";
import { lazyPage } from "../components/lazyPage.js";
import { queryClient } from "../queryClient.js";
import { HomePage } from "./HomePage.js";
import { useResidentHome } from "./home.js";
import { NotificationBell } from "./privacy/NotificationBell.js";
import { UnitSwitcher } from "./UnitSwitcher.js";
import { ChosenUnitProvider, useChosenUnit } from "./units.js";

const HouseholdPage = lazyPage(() => import("./HouseholdPage.js").then((m) => m.HouseholdPage));
const VehiclesPage = lazyPage(() => import("./HouseholdPage.js").then((m) => m.VehiclesPage));
const MyDataPage = lazyPage(() => import("./MyDataPage.js").then((m) => m.MyDataPage));
const InvoicesPage = lazyPage(() => import("./InvoicesPage.js").then((m) => m.InvoicesPage));
const InvoicePage = lazyPage(() => import("./InvoicePage.js").then((m) => m.InvoicePage));
const NotificationsPage = lazyPage(() => import("./NotificationsPage.js").then((m) => m.NotificationsPage));
const PrivacyCenterPage = lazyPage(() =>
  import("./privacy/PrivacyCenterPage.js").then((m) => m.PrivacyCenterPage),
);
const ConsentsPage = lazyPage(() => import("./privacy/ConsentsPage.js").then((m) => m.ConsentsPage));
const RequestsPage = lazyPage(() => import("./privacy/RequestsPage.js").then((m) => m.RequestsPage));

/**
 * The resident app's pages under /app; those loaded with their route say so with `preload`, and those that can
 * ask for their data before they render, with `prefetch`.
 */
const PAGES: Array<{
  path: string;
  Page: ComponentType & { preload?: () => Promise<unknown> };
  prefetch?: (params: Record<string, string | undefined>) => void;
}> = [
  { path: "invoices", Page: InvoicesPage },
  { path: "invoices/:id", Page: InvoicePage, prefetch: ({ id }) => id && prefetchInvoice(queryClient, id) },
  { path: "household", Page: HouseholdPage },
  { path: "vehicles", Page: VehiclesPage },
  { path: "my-data", Page: MyDataPage },
  { path: "privacy", Page: PrivacyCenterPage },
  { path: "privacy/consents", Page: ConsentsPage },
  { path: "privacy/requests", Page: RequestsPage },
  { path: "notifications", Page: NotificationsPage },
];

function pageAt(pathname: string) {
  for (const page of PAGES) {
    const match = matchPath(`/app/${page.path}`, pathname);
    if (match) return { page, params: match.params };
  }
  return null;
}

/** Loads the code of the page at `pathname` (the address the app was opened on), so it renders at once. */
export function preloadRoute(pathname: string): Promise<unknown> {
  return pageAt(pathname)?.page.Page.preload?.() ?? Promise.resolve();
}

/** Asks for the data of the page at `pathname`, once a resident is known to be signed in. */
export function prefetchRoute(pathname: string): void {
  const found = pageAt(pathname);
  found?.page.prefetch?.(found.params);
}

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
        {PAGES.map(({ path, Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
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
