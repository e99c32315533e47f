import {
  Anchor,
  Badge,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { CategoryBadge } from "../../components/CategoryBadge.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { Fact } from "../../components/Fact.js";
import { FormError } from "../../components/forms.js";
import { IconMegaphone, IconPin } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { useAllBuildings } from "../buildings/buildings.js";
import {
  ANNOUNCEMENTS_PATH,
  type Announcement,
  type AnnouncementStatus,
  readRate,
  STATUSES,
  useAnnouncement,
  useAnnouncementAction,
  useAudienceText,
  useWhenText,
} from "./announcements.js";
import { EmergencyModal, EmergencyReport } from "./Emergency.js";

/** Palette names: the theme makes each one's filled shade readable with white text (theme.ts). */
const STATUS_COLOUR: Record<AnnouncementStatus, string> = {
  draft: "gray",
  scheduled: "blue",
  published: "teal",
  archived: "dark",
};

function StatusBadge({ status }: { status: AnnouncementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="filled" tt="none" radius="sm">
      {t(`announcements.statuses.${status}`)}
    </Badge>
  );
}

/** One announcement: what was said, to whom, who read it, and what can still be done with it. */
function AnnouncementDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const detail = useAnnouncement(id);
  const action = useAnnouncementAction();
  const audienceText = useAudienceText();
  const whenText = useWhenText();
  const [confirm, setConfirm] = useState<"publish" | "archive" | null>(null);
  const a = detail.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t("announcements.detail")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {detail.error ? <FormError error={detail.error} /> : null}
      {a && (
        <Stack>
          <Group gap="xs">
            <CategoryBadge category={a.category} />
            <StatusBadge status={a.status} />
            {a.pinned && (
              <Badge variant="outline" color="dark" tt="none" leftSection={<IconPin size={12} />}>
                {t("announcements.pinnedBadge")}
              </Badge>
            )}
          </Group>
          <Text fw={700} size="lg">
            {a.title}
          </Text>
          <Text style={{ whiteSpace: "pre-line" }}>{a.body}</Text>
          <SimpleGrid component="dl" cols={1} spacing="xs" m={0}>
            <Fact label={t("announcements.audience")}>{audienceText(a.audience)}</Fact>
            <Fact label={t("announcements.date")}>{whenText(a)}</Fact>
          </SimpleGrid>
          {a.status === "published" || a.status === "archived" ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("announcements.readReceipts")}
              </Text>
              <Progress value={readRate(a)} aria-label={t("announcements.readReceipts")} />
              <Text size="sm">
                {t("announcements.readRate", { read: a.read, sent: a.sent, rate: readRate(a) })}
              </Text>
            </Stack>
          ) : null}
          <FormError error={action.error} />
          <Group>
            {(a.status === "draft" || a.status === "scheduled") && (
              <>
                <Button onClick={() => setConfirm("publish")}>{t("announcements.publishNow")}</Button>
                <Button variant="default" component={Link} to={`/console/announcements/new?edit=${a.id}`}>
                  {t("announcements.edit")}
                </Button>
              </>
            )}
            {a.status !== "archived" && (
              <Button
                variant="default"
                loading={action.isPending}
                onClick={() => action.mutate({ id: a.id, kind: a.pinned ? "unpin" : "pin" })}
              >
                {a.pinned ? t("announcements.unpin") : t("announcements.pin")}
              </Button>
            )}
            {a.category === "emergency" && (
              <Button
                variant="default"
                onClick={() =>
                  setParams((p) => {
                    p.delete("announcement");
                    p.set("report", a.id);
                    return p;
                  })
                }
              >
                {t("announcements.openReport")}
              </Button>
            )}
            {a.status === "published" && (
              <Button variant="default" color="red" onClick={() => setConfirm("archive")}>
                {t("announcements.archive")}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {a && confirm === "publish" && (
        <ConfirmModal
          title={t("announcements.confirmPublishTitle")}
          confirmLabel={t("announcements.publishNow")}
          onConfirm={() => action.mutateAsync({ id: a.id, kind: "publish" })}
          onClose={() => setConfirm(null)}
        >
          {t("announcements.confirmPublishShort")}
        </ConfirmModal>
      )}
      {a && confirm === "archive" && (
        <ConfirmModal
          title={t("announcements.confirmArchiveTitle")}
          confirmLabel={t("announcements.archive")}
          onConfirm={() => action.mutateAsync({ id: a.id, kind: "archive" })}
          onClose={() => setConfirm(null)}
          danger
        >
          {t("announcements.confirmArchive")}
        </ConfirmModal>
      )}
    </Drawer>
  );
}

function AnnouncementList({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<AnnouncementStatus | "">("");
  const list = usePagedList(ANNOUNCEMENTS_PATH, { status: status || undefined }, undefined, { buildingId });
  const audienceText = useAudienceText();
  const whenText = useWhenText();
  const openId = params.get("announcement");
  const open = (a: Announcement) =>
    setParams((p) => {
      p.set("announcement", a.id);
      return p;
    });
  const columns: Column<Announcement>[] = [
    {
      header: t("announcements.titleLabel"),
      cell: (a) => (
        <Group gap={6} wrap="nowrap">
          {a.pinned && <IconPin size={14} />}
          <Anchor component="button" type="button" size="sm" fw={600} onClick={() => open(a)} ta="left">
            {a.title}
          </Anchor>
        </Group>
      ),
    },
    { header: t("announcements.category"), cell: (a) => <CategoryBadge category={a.category} /> },
    { header: t("announcements.status"), cell: (a) => <StatusBadge status={a.status} /> },
    { header: t("announcements.audience"), cell: (a) => audienceText(a.audience), visibleFrom: "lg" },
    { header: t("announcements.sentCount"), cell: (a) => a.sent },
    {
      header: t("announcements.readCount"),
      cell: (a) =>
        a.status === "published" || a.status === "archived"
          ? t("announcements.readRate", { read: a.read, sent: a.sent, rate: readRate(a) })
          : "—",
    },
    { header: t("announcements.date"), cell: (a) => whenText(a), visibleFrom: "md" },
  ];
  return (
    <>
      <PagedTable
        list={list}
        columns={columns}
        label={t("announcements.listLabel")}
        searchLabel={t("announcements.searchLabel")}
        minWidth={900}
        onOpen={open}
        filters={
          <NativeSelect
            label={t("announcements.status")}
            data={[
              { value: "", label: t("common.all") },
              ...STATUSES.map((value) => ({ value, label: t(`announcements.statuses.${value}`) })),
            ]}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as AnnouncementStatus | "")}
            w={{ base: "100%", xs: 200 }}
          />
        }
        empty={
          <EmptyState
            icon={<IconMegaphone size={32} />}
            variant="light"
            title={t("announcements.empty")}
            description={t("announcements.emptyHint")}
            py="lg"
          />
        }
      />
      {openId && (
        <AnnouncementDrawer
          id={openId}
          onClose={() =>
            setParams((p) => {
              p.delete("announcement");
              return p;
            })
          }
        />
      )}
    </>
  );
}

/** Thông báo: a building's announcements with their status and read rate; writing one starts here. */
export default function AnnouncementsPage() {
  const { t } = useTranslation();
  const buildings = useAllBuildings();
  const [params, setParams] = useSearchParams();
  const [alerting, setAlerting] = useState(false);
  const reportId = params.get("report");
  const items = buildings.data?.items ?? [];
  const buildingId = params.get("building") ?? items[0]?.id ?? null;
  return (
    <>
      <PageHeader
        title={t("announcements.pageTitle")}
        action={
          buildingId && (
            <Group gap="sm">
              <Button color="red" variant="outline" onClick={() => setAlerting(true)}>
                {t("announcements.emergency")}
              </Button>
              <Button
                component={Link}
                to={`/console/announcements/new?building=${buildingId}`}
                leftSection={<IconMegaphone size={18} />}
              >
                {t("announcements.compose")}
              </Button>
            </Group>
          )
        }
      />
      {alerting && buildingId && (
        <EmergencyModal
          buildingId={buildingId}
          onClose={() => setAlerting(false)}
          onSent={(id) => {
            setAlerting(false);
            setParams((p) => {
              p.set("report", id);
              return p;
            });
          }}
        />
      )}
      {reportId && (
        <EmergencyReport
          id={reportId}
          onClose={() =>
            setParams((p) => {
              p.delete("report");
              return p;
            })
          }
        />
      )}
      <FormError error={buildings.error} />
      {buildings.isSuccess && items.length === 0 && <Text c="dimmed">{t("announcements.noBuilding")}</Text>}
      {items.length > 1 && (
        <NativeSelect
          label={t("announcements.building")}
          data={items.map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId ?? ""}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setParams((p) => {
              p.set("building", value);
              p.delete("announcement");
              return p;
            });
          }}
          w={{ base: "100%", sm: 320 }}
          mb="md"
        />
      )}
      {buildingId && <AnnouncementList key={buildingId} buildingId={buildingId} />}
    </>
  );
}
