import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AREA_HOME, useSignedInMe, useSignOut } from "../auth/session.js";
import { IconChevronDown } from "./icons.js";

/** The person's menu: their account page and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const signOut = useSignOut();
  const name = me.account.displayName;
  const home = me.current ? AREA_HOME[me.current.area] : "";

  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={t("header.userMenu", { name })} p={4} style={{ borderRadius: 8 }}>
          <Group gap={6} wrap="nowrap">
            <Avatar name={name} color="blue" variant="filled" size={30} aria-hidden />
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {name}
            </Text>
            <IconChevronDown size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{name}</Menu.Label>
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
