import { Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AREA_HOME, useSignedInMe, useSignOut } from "../auth/session.js";
import { takeOpenRequest, UserButton } from "./UserButton.js";

/** The person's menu: their account page and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const signOut = useSignOut();
  const home = me.current ? AREA_HOME[me.current.area] : "";
  const [openedAtStart] = useState(takeOpenRequest);

  return (
    <Menu position="bottom-end" shadow="md" width={220} defaultOpened={openedAtStart}>
      <Menu.Target>
        <UserButton />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.account.displayName}</Menu.Label>
        {home && (
          <Menu.Item component={Link} to={`${home}/account`}>
            {t("header.account")}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t("header.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
