import { AppShell, Burger, NavLink, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useMatch } from "react-router";
import { AREA_HOME, useSignedInMe } from "../auth/session.js";
import { Footer } from "../public-pages/Footer.js";
import classes from "./AreaShell.module.css";
import { Brand } from "./Brand.js";
import { ContextSwitcher } from "./ContextSwitcher.js";
import { DemoBanner } from "./DemoBanner.js";
import { deferred } from "./deferred.js";
import { LanguageSwitch } from "./LanguageSwitch.js";
import { PageLoader } from "./Pages.js";
import { PolicyAcknowledgement } from "./PolicyAcknowledgement.js";
import { ReauthModal } from "./ReauthModal.js";
import { UserButtonPlaceholder } from "./UserButton.js";

const UserMenu = deferred(() => import("./UserMenu.js").then((m) => m.UserMenu), UserButtonPlaceholder);

/** A navigation entry; with `children`, a group of pages under `to` that opens and closes (side navigation). */
export type NavItem = { to: string; label: string; icon?: ReactNode; end?: boolean; children?: NavItem[] };

type Props = {
  /** Side navigation (console): collapses behind a burger on phones. */
  nav?: NavItem[];
  /** Bottom tab bar (resident app). */
  tabs?: NavItem[];
  /** More context beside the role switcher (the resident's unit switcher). */
  context?: ReactNode;
  /** Shortcuts in the header before the language and the user menu (the resident's notification bell). */
  actions?: ReactNode;
  children: ReactNode;
};

function useActive(item: NavItem): boolean {
  return useMatch({ path: item.to, end: item.end ?? false }) !== null;
}

function SideLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const active = useActive(item);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={active}
      variant="filled"
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}

/** A group of pages (billing): a button that shows or hides its links, open while one of them is shown. */
function SideGroup({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const active = useActive(item);
  const [opened, setOpened] = useState(active);
  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  return (
    <NavLink
      component="button"
      type="button"
      label={item.label}
      leftSection={item.icon}
      opened={opened}
      onChange={setOpened}
      aria-expanded={opened}
      active={active && !opened}
      variant="light"
    >
      {item.children?.map((child) => (
        <SideLink key={child.to} item={child} onNavigate={onNavigate} />
      ))}
    </NavLink>
  );
}

function Tab({ item }: { item: NavItem }) {
  const active = useActive(item);
  return (
    <UnstyledButton
      component={Link}
      to={item.to}
      className={classes.tab}
      aria-current={active ? "page" : undefined}
    >
      {item.icon}
      {item.label}
    </UnstyledButton>
  );
}

/** The frame of every signed-in area: header (brand, context, language, user menu), navigation, content. */
export function AreaShell({ nav, tabs, context, actions, children }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const home = me.current ? AREA_HOME[me.current.area] : "/";
  const contextRow = me.contexts.length > 1 || (me.current?.unitIds.length ?? 0) > 1;

  return (
    <AppShell
      header={{ height: { base: contextRow ? 96 : 56, sm: 56 } }}
      navbar={nav && { width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      footer={tabs && { height: 64 }}
      padding="md"
    >
      <AppShell.Header className={classes.header}>
        <div className={classes.brand}>
          {nav && (
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("header.navigation")}
              aria-expanded={navOpened}
            />
          )}
          <Brand to={home} />
        </div>
        <div className={classes.context}>
          <ContextSwitcher />
          {context}
        </div>
        {actions}
        <LanguageSwitch compact />
        <UserMenu />
      </AppShell.Header>
      {nav && (
        <AppShell.Navbar p="sm" component="nav" aria-label={t("header.navigation")}>
          {nav.map((item) =>
            item.children ? (
              <SideGroup key={item.to} item={item} onNavigate={close} />
            ) : (
              <SideLink key={item.to} item={item} onNavigate={close} />
            ),
          )}
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        {/*
          At least a screen high, so the footer starts below the fold and does not jump when the page loads; the
          demo banner (known once the health check answers) comes after the page, so it pushes nothing down.
        */}
        <div className={classes.page}>
          <Suspense fallback={<PageLoader />}>{children}</Suspense>
        </div>
        <DemoBanner inset />
        {/* In the content, not fixed: on phones it ends the page above the tab bar rather than under it. */}
        <Footer companyId={me.current?.companyId} />
      </AppShell.Main>
      <ReauthModal />
      <PolicyAcknowledgement />
      {tabs && (
        <AppShell.Footer component="nav" aria-label={t("header.navigation")} className={classes.tabs}>
          {tabs.map((item) => (
            <Tab key={item.to} item={item} />
          ))}
        </AppShell.Footer>
      )}
    </AppShell>
  );
}
