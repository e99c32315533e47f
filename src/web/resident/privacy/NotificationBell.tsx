import { ActionIcon, Indicator } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IconBell } from "../../components/icons.js";
import { useUnreadCount } from "./privacy.js";

/** The way to the inbox, with how many messages are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Indicator
      label={unread > 99 ? "99+" : unread}
      size={18}
      disabled={unread === 0}
      color="red.9"
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/app/notifications"
        variant="light"
        size="lg"
        aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.title")}
      >
        <IconBell size={22} />
      </ActionIcon>
    </Indicator>
  );
}
