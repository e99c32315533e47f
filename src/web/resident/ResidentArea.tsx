import { type ComponentType, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, Route } from "react-router";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { deferred } from "../components/deferred.js";
import { IconGrid, IconHome, IconReceipt, IconTool, IconUser } from "../components/icons.js";
import { lazyPage } from "../components/lazyPage.js";
import { HomePage } from "./HomePage.js";
import { useResidentTabs } from "./home.js";
// With the home, the page residents open most from a notification or an email: its first screen is small, and
// what it shows below loads after it (InvoiceDetails).
import { InvoicePage } from "./InvoicePage.js";
import { NotificationBell } from "./privacy/NotificationBell.js";
import { ChosenUnitProvider, useChosenUnitId } from "./units.js";

const HouseholdPage = lazyPage(() => import("./HouseholdPage.js").then((m) => m.HouseholdPage));
const VehiclesPage = lazyPage(() => import("./HouseholdPage.js").then((m) => m.VehiclesPage));
const MyDataPage = lazyPage(() => import("./MyDataPage.js").then((m) => m.MyDataPage));
const InvoicesPage = lazyPage(() => import("./InvoicesPage.js").then((m) => m.InvoicesPage));
const AnnouncementsPage = lazyPage(() => import("./AnnouncementsPage.js").then((m) => m.AnnouncementsPage));
const AnnouncementPage = lazyPage(() => import("./AnnouncementsPage.js").then((m) => m.AnnouncementPage));
const MessagesPage = lazyPage(() => import("./MessagesPage.js").then((m) => m.MessagesPage));
const ThreadPage = lazyPage(() => import("./MessagesPage.js").then((m) => m.ThreadPage));
const SurveysPage = lazyPage(() => import("./SurveysPage.js").then((m) => m.SurveysPage));
const SurveyPage = lazyPage(() => import("./SurveysPage.js").then((m) => m.SurveyPage));
const ServicesPage = lazyPage(() => import("./ServicesPage.js").then((m) => m.ServicesPage));
const ParcelsPage = lazyPage(() => import("./ServicesPage.js").then((m) => m.ParcelsPage));
const GuestsPage = lazyPage(() => import("./ServicesPage.js").then((m) => m.GuestsPage));
const AmenitiesPage = lazyPage(() => import("./AmenitiesPage.js").then((m) => m.AmenitiesPage));
const AmenityPage = lazyPage(() => import("./AmenitiesPage.js").then((m) => m.AmenityPage));
const BookingsPage = lazyPage(() => import("./AmenitiesPage.js").then((m) => m.BookingsPage));
const ServiceRequestsPage = lazyPage(() =>
  import("./ServiceRequestsPage.js").then((m) => m.ServiceRequestsPage),
);
const RenovationsPage = lazyPage(() => import("./ServiceRequestsPage.js").then((m) => m.RenovationsPage));
const ShopPage = lazyPage(() => import("./ShopPage.js").then((m) => m.ShopPage));
const OrdersPage = lazyPage(() => import("./OrdersPage.js").then((m) => m.OrdersPage));
const OrderPage = lazyPage(() => import("./OrdersPage.js").then((m) => m.OrderPage));
const DocumentsPage = lazyPage(() => import("./DocumentsPage.js").then((m) => m.DocumentsPage));
const DocumentPage = lazyPage(() => import("./DocumentsPage.js").then((m) => m.DocumentPage));
const TicketsPage = lazyPage(() => import("./TicketsPage.js").then((m) => m.TicketsPage));
const NewTicketPage = lazyPage(() => import("./TicketsPage.js").then((m) => m.NewTicketPage));
const TicketPage = lazyPage(() => import("./TicketsPage.js").then((m) => m.TicketPage));
const NotificationsPage = lazyPage(() => import("./NotificationsPage.js").then((m) => m.NotificationsPage));
const PrivacyCenterPage = lazyPage(() =>
  import("./privacy/PrivacyCenterPage.js").then((m) => m.PrivacyCenterPage),
);
const ConsentsPage = lazyPage(() => import("./privacy/ConsentsPage.js").then((m) => m.ConsentsPage));
const RequestsPage = lazyPage(() => import("./privacy/RequestsPage.js").then((m) => m.RequestsPage));

// Shown only to residents of several units; its list box waits until the first screen is painted.
const UnitSwitcher = deferred(() => import("./UnitSwitcher.js").then((m) => m.UnitSwitcher));

/**
 * The resident app's pages under /app; those loaded with their route say so with `preload` (the data of the
 * first screen is asked for by prefetch.ts).
 */
const PAGES: Array<{
  path: string;
  Page: ComponentType & { preload?: () => Promise<unknown> };
}> = [
  { path: "invoices", Page: InvoicesPage },
  { path: "invoices/:id", Page: InvoicePage },
  { path: "household", Page: HouseholdPage },
  { path: "vehicles", Page: VehiclesPage },
  { path: "my-data", Page: MyDataPage },
  { path: "privacy", Page: PrivacyCenterPage },
  { path: "privacy/consents", Page: ConsentsPage },
  { path: "privacy/requests", Page: RequestsPage },
  { path: "notifications", Page: NotificationsPage },
  { path: "announcements", Page: AnnouncementsPage },
  { path: "announcements/:id", Page: AnnouncementPage },
  { path: "messages", Page: MessagesPage },
  { path: "messages/:id", Page: ThreadPage },
  { path: "surveys", Page: SurveysPage },
  { path: "surveys/:id", Page: SurveyPage },
  { path: "services", Page: ServicesPage },
  { path: "parcels", Page: ParcelsPage },
  { path: "guests", Page: GuestsPage },
  { path: "amenities", Page: AmenitiesPage },
  { path: "amenities/:id", Page: AmenityPage },
  { path: "bookings", Page: BookingsPage },
  { path: "service-requests", Page: ServiceRequestsPage },
  { path: "renovations", Page: RenovationsPage },
  { path: "shop", Page: ShopPage },
  { path: "orders", Page: OrdersPage },
  { path: "orders/:id", Page: OrderPage },
  { path: "documents", Page: DocumentsPage },
  { path: "documents/:id", Page: DocumentPage },
  { path: "tickets", Page: TicketsPage },
  { path: "tickets/new", Page: NewTicketPage },
  { path: "tickets/:id", Page: TicketPage },
];

/** Loads the code of the page at `pathname` (the address the app was opened on), so it renders at once. */
export function preloadRoute(pathname: string): Promise<unknown> {
  const page = PAGES.find(({ path }) => matchPath(`/app/${path}`, pathname));
  return page?.Page.preload?.() ?? Promise.resolve();
}

/**
 * The tabs a module can fill, by the key its manifest declares (`residentTabs`), with their page here. A tab
 * shows only once the server says a module provides it: Dịch vụ and Phản ánh come with their modules.
 */
const MODULE_TABS: Record<
  string,
  {
    path: string;
    label: "resident.invoices.tab" | "resident.services.tab" | "resident.tickets.tab";
    Icon: ComponentType<{ size?: number }>;
  }
> = {
  invoices: { path: "invoices", label: "resident.invoices.tab", Icon: IconReceipt },
  services: { path: "services", label: "resident.services.tab", Icon: IconGrid },
  tickets: { path: "tickets", label: "resident.tickets.tab", Icon: IconTool },
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
  const tabs = useResidentTabs(useChosenUnitId()).data;
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
      {ROUTES}
    </AreaShell>
  );
}

// One element for good: when the tabs arrive or change, the bar renders again and the page does not.
const ROUTES = (
  <AreaRoutes>
    <Route index element={<HomePage />} />
    {PAGES.map(({ path, Page }) => (
      <Route key={path} path={path} element={<Page />} />
    ))}
  </AreaRoutes>
);

export default function ResidentArea() {
  return (
    <ChosenUnitProvider>
      <ResidentShell />
    </ChosenUnitProvider>
  );
}
