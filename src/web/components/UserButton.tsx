import { Avatar, Group, Text, UnstyledButton } from "@mantine/core";
import type { ComponentPropsWithRef } from "react";
import { useTranslation } from "react-i18next";
import { useSignedInMe } from "../auth/session.js";
import { IconChevronDown } from "./icons.js";

let openRequested = false;

/** Whether the button was pressed before the menu's code arrived (the menu then opens as it appears), once. */
export function takeOpenRequest(): boolean {
  const requested = openRequested;
  openRequested = false;
  return requested;
}

/** The button while the menu's code loads: a press is remembered, not lost. */
export function UserButtonPlaceholder() {
  return (
    <UserButton
      aria-haspopup="menu"
      onClick={() => {
        openRequested = true;
      }}
    />
  );
}

/** The header's button with the person's name, which opens their menu. */
export function UserButton(props: ComponentPropsWithRef<"button">) {
  const { t } = useTranslation();
  const name = useSignedInMe().account.displayName;
  return (
    <UnstyledButton aria-label={t("header.userMenu", { name })} p={4} style={{ borderRadius: 8 }} {...props}>
      <Group gap={6} wrap="nowrap">
        <Avatar name={name} color="blue" variant="filled" size={30} aria-hidden />
        <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
          {name}
        </Text>
        <IconChevronDown size={16} />
      </Group>
    </UnstyledButton>
  );
}
