import {
  Anchor,
  Badge,
  Button,
  Center,
  Collapse,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconBell } from "../components/icons.js";
import { PageNav } from "../components/PageNav.js";
import { PageHeader } from "../components/Pages.js";
import { formatDateTime } from "../format.js";
import { type InboxItem, useMarkAllRead, useMarkRead, useNotifications } from "./privacy/privacy.js";

/** Kinds that get a badge of their own; anything else reads as a plain message. */
const KINDS = {
  breach: "red.9",
  policy: "blue.9",
  announcement: "teal.9",
} as const;
const isKnownKind = (kind: string): kind is keyof typeof KINDS => Object.hasOwn(KINDS, kind);

/** Messages lead only to the app's own pages, never off-site (a look-alike link is a phishing tool). */
const isAppPath = (link: string) => /^\/(?!\/)/.test(link);

function Message({ item, opened, onOpen }: { item: InboxItem; opened: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  const bodyId = `notification-${item.id}`;
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={unread ? "blue.0" : undefined}>
      <UnstyledButton onClick={onOpen} aria-expanded={opened} aria-controls={bodyId} w="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={unread ? 700 : 400}>
            {unread && <VisuallyHidden component="span">{t("notifications.unread")}: </VisuallyHidden>}
            {item.title}
          </Text>
          {isKnownKind(item.kind) && (
            <Badge color={KINDS[item.kind]} variant="filled" tt="none" radius="sm" style={{ flexShrink: 0 }}>
              {t(`notifications.kinds.${item.kind}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(item.createdAt)}
        </Text>
      </UnstyledButton>
      <Collapse expanded={opened} id={bodyId}>
        <Text size="sm" mt="xs" style={{ whiteSpace: "pre-line" }}>
          {item.body}
        </Text>
        {item.link && isAppPath(item.link) && (
          <Anchor component={Link} to={item.link} size="sm" mt={4} display="inline-block">
            {t("notifications.open")}
          </Anchor>
        )}
      </Collapse>
    </Paper>
  );
}

/** "Thông báo": messages from the management and the platform (breach notices, policy changes, news). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const inbox = useNotifications(page);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (item: InboxItem) => {
    setOpenId(openId === item.id ? null : item.id);
    if (item.readAt === null) markRead.mutate(item.id);
  };

  let body: ReactNode;
  if (inbox.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (inbox.isError) {
    body = <FormError error={inbox.error} />;
  } else if (inbox.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconBell size={32} />}
        variant="light"
        title={t("notifications.emptyTitle")}
        description={t("notifications.empty")}
        py="xl"
      />
    );
  } else {
    body = (
      <>
        <ItemList label={t("notifications.list")}>
          {inbox.data.items.map((item) => (
            <Message key={item.id} item={item} opened={openId === item.id} onOpen={() => open(item)} />
          ))}
        </ItemList>
        <PageNav total={inbox.data.total} pageSize={inbox.data.pageSize} page={page} onChange={setPage} />
      </>
    );
  }

  const unread = inbox.data?.unread ?? 0;
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <PageHeader
        title={t("notifications.title")}
        action={
          unread > 0 && (
            <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t("notifications.markAll")}
            </Button>
          )
        }
      />
      {unread > 0 && (
        <Text size="sm" c="dimmed">
          {t("notifications.unreadCount", { count: unread })}
        </Text>
      )}
      <FormError error={markAll.error ?? markRead.error} />
      {body}
    </Stack>
  );
}
