import {
  Anchor,
  Badge,
  Box,
  Center,
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
import { Link, useParams } from "react-router";
import { AttachmentList } from "../components/Attachments.js";
import { CategoryBadge } from "../components/CategoryBadge.js";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconMegaphone, IconPin } from "../components/icons.js";
import { PageNav } from "../components/PageNav.js";
import { PageHeader } from "../components/Pages.js";
import { formatDateTime } from "../format.js";
import { useFeed, useFeedItem } from "./feed.js";

type Item = NonNullable<ReturnType<typeof useFeed>["data"]>["items"][number];

function FeedEntry({ item }: { item: Item }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={item.read ? undefined : "blue.0"}>
      <UnstyledButton component={Link} to={`/app/announcements/${item.id}`} w="100%" display="block">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={item.read ? 500 : 700}>
            {!item.read && <VisuallyHidden component="span">{t("feed.unreadMark")}: </VisuallyHidden>}
            {item.pinned && (
              <Text span mr={4}>
                <IconPin size={14} />
                <VisuallyHidden component="span">{t("feed.pinned")}: </VisuallyHidden>
              </Text>
            )}
            {item.title}
          </Text>
          <CategoryBadge category={item.category} />
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(item.publishedAt)}
        </Text>
        <Text size="sm" lineClamp={2} mt={4}>
          {item.body}
        </Text>
      </UnstyledButton>
    </Paper>
  );
}

/** Thông báo của tòa nhà: what the management sent, pinned first, unread marked. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const feed = useFeed(page);
  let body: ReactNode;
  if (feed.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (feed.isError) {
    body = <FormError error={feed.error} />;
  } else if (feed.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconMegaphone size={32} />}
        variant="light"
        title={t("feed.empty")}
        description={t("feed.emptyHint")}
        py="xl"
      />
    );
  } else {
    body = (
      <>
        <ItemList label={t("feed.listLabel")}>
          {feed.data.items.map((item) => (
            <FeedEntry key={item.id} item={item} />
          ))}
        </ItemList>
        <PageNav total={feed.data.total} pageSize={feed.data.pageSize} page={page} onChange={setPage} />
      </>
    );
  }
  const unread = feed.data?.unread ?? 0;
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <PageHeader
        title={t("feed.title")}
        action={
          unread > 0 && (
            <Badge color="red.9" variant="filled" radius="sm" tt="none">
              {t("feed.unread", { count: unread })}
            </Badge>
          )
        }
      />
      {body}
    </Stack>
  );
}

/** One announcement, read in full (opening it is the read receipt). */
export function AnnouncementPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const item = useFeedItem(id);
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/announcements" size="sm">
        ← {t("feed.back")}
      </Anchor>
      {item.isPending && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      <FormError error={item.error} />
      {item.data && (
        <Paper withBorder p="md" radius="md" component="article">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" mb={4}>
            <PageHeader title={item.data.title} />
            <CategoryBadge category={item.data.category} />
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {formatDateTime(item.data.publishedAt)}
          </Text>
          <Text style={{ whiteSpace: "pre-line" }}>{item.data.body}</Text>
          <Box mt="md">
            <AttachmentList
              files={item.data.attachments}
              urlOf={(fileId) => `/api/v1/me/announcements/${id}/files/${fileId}`}
            />
          </Box>
        </Paper>
      )}
    </Stack>
  );
}
