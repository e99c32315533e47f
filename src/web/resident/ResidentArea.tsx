import { type ComponentType, lazy } from "react";
import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import { useSignedInMe } from "../auth/session.js";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { EmptyPage } from "../components/EmptyPage.js";
import { IconHome, IconMessage, IconReceipt, IconServices, IconUser } from "../components/icons.js";

import { HomePage } from "./HomePage.js";
import { UnitSwitcher } from "./UnitSwitcher.js";
import { ChosenUnitProvider } from "./units.js";

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

type Section = "home" | "invoices" | "services" | "tickets";

/** The resident app's tabs besides the account; those not built yet say what will appear there. */
const SECTIONS: { section: Section; path: string; Icon: ComponentType<{ size?: number }> }[] = [
  { section: "home", path: "", Icon: IconHome },
  { section: "invoices", path: "invoices", Icon: IconReceipt },
  { section: "services", path: "services", Icon: IconServices },
  { section: "tickets", path: "tickets", Icon: IconMessage },
];

function SectionPage({ section, Icon }: { section: Section; Icon: ComponentType<{ size?: number }> }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <EmptyPage
      title={t(`resident.${section}.title`, { name: me.account.displayName })}
      icon={<Icon size={32} />}
      emptyTitle={t(`resident.${section}.emptyTitle`)}
      description={t(`resident.${section}.empty`)}
    />
  );
}

export default function ResidentArea() {
  const { t } = useTranslation();
  const tabs: NavItem[] = [
    ...SECTIONS.map(({ section, path, Icon }) => ({
      to: `/app/${path}`,
      end: path === "",
      label: t(`resident.${section}.tab`),
      icon: <Icon size={22} />,
    })),
    { to: "/app/account", label: t("header.account"), icon: <IconUser size={22} /> },
  ];
  return (
    <ChosenUnitProvider>
      <AreaShell tabs={tabs} context={<UnitSwitcher />}>
        <AreaRoutes>
          {SECTIONS.map(({ section, path, Icon }) => {
            if (!path) return <Route key={section} index element={<HomePage />} />;
            if (section === "invoices") return <Route key={section} path={path} element={<InvoicesPage />} />;
            return (
              <Route key={section} path={path} element={<SectionPage section={section} Icon={Icon} />} />
            );
          })}
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
    </ChosenUnitProvider>
  );
}
