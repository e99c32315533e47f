import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { FormError } from "../components/forms.js";
import { IconFile } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { usePagedList } from "../components/usePagedList.js";
import {
  categoryText,
  DOCUMENTS_PATH,
  type Document,
  documentFileUrl,
  useAcknowledge,
  useDocument,
} from "../documents/documents.js";
import { formatDate, formatDateTime } from "../format.js";
import { useChosenUnitId } from "./units.js";

function AckBadge({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  if (!doc.requiresAck) return null;
  return doc.acknowledgedAt ? (
    <Badge color="green" variant="light">
      {t("documents.acknowledged")}
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      {t("documents.toAcknowledge")}
    </Badge>
  );
}

function DocumentCard({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const pending = doc.requiresAck && !doc.acknowledgedAt;
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={pending ? "orange.0" : undefined}>
      <UnstyledButton component={Link} to={`/app/documents/${doc.id}`} display="block" w="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconFile size={24} />
            <div>
              <Text fw={700}>{doc.title}</Text>
              <Text size="xs" c="dimmed">
                {categoryText(t, doc.category)} ·{" "}
                {t("documents.versionOn", { version: doc.current.version, date: formatDate(doc.updatedAt) })}
              </Text>
            </div>
          </Group>
          <AckBadge doc={doc} />
        </Group>
      </UnstyledButton>
    </Paper>
  );
}

/** Tài liệu: the building's rules, minutes and forms for the household; what asks to be acknowledged first. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const unitId = useChosenUnitId();
  const [show, setShow] = useState<"all" | "pending">("all");
  const { query, page, setPage } = usePagedList(
    DOCUMENTS_PATH,
    { toAcknowledge: show === "pending" ? "true" : undefined },
    undefined,
    { unitId },
  );
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/services" size="sm">
        ← {t("services.title")}
      </Anchor>
      <PageHeader title={t("documents.title")} />
      <Text size="sm" c="dimmed">
        {t("documents.intro")}
      </Text>
      <SegmentedControl
        value={show}
        onChange={(v) => setShow(v as "all" | "pending")}
        data={[
          { value: "all", label: t("documents.all") },
          { value: "pending", label: t("documents.toAcknowledge") },
        ]}
        w="fit-content"
      />
      <PagedItems
        query={query}
        page={page}
        onPage={setPage}
        label={t("documents.title")}
        empty={
          <EmptyState
            icon={<IconFile size={32} />}
            variant="light"
            title={show === "pending" ? t("documents.nothingPending") : t("documents.empty")}
            description={show === "pending" ? undefined : t("documents.emptyHint")}
            py="xl"
          />
        }
        item={(d) => <DocumentCard key={d.id} doc={d} />}
      />
    </Stack>
  );
}

/** One document: what it is, its file, and "read and acknowledged" where the management asks for it. */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const doc = useDocument(id);
  const acknowledge = useAcknowledge(id);
  if (doc.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  if (!doc.data) return <FormError error={doc.error} />;
  const d = doc.data;
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/documents" size="sm">
        ← {t("documents.title")}
      </Anchor>
      <PageHeader title={d.title} action={<AckBadge doc={d} />} />
      <Text size="sm" c="dimmed">
        {categoryText(t, d.category)} ·{" "}
        {t("documents.versionOn", { version: d.current.version, date: formatDate(d.current.publishedAt) })}
      </Text>
      {d.description && <Text>{d.description}</Text>}
      {d.current.note && (
        <Text size="sm">
          {t("documents.changes")}: {d.current.note}
        </Text>
      )}
      <Button
        component="a"
        href={documentFileUrl(d.id, d.current.file.id)}
        target="_blank"
        rel="noopener"
        variant="light"
        leftSection={<IconFile size={18} />}
        w="fit-content"
      >
        {t("documents.open", { name: d.current.file.name })}
      </Button>
      {d.requiresAck &&
        (d.acknowledgedAt ? (
          <Alert color="green" title={t("documents.acknowledged")}>
            {t("documents.acknowledgedOn", { time: formatDateTime(d.acknowledgedAt) })}
          </Alert>
        ) : (
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Text size="sm">{t("documents.ackAsk")}</Text>
              <FormError error={acknowledge.error} />
              <Button
                onClick={() => acknowledge.mutate()}
                loading={acknowledge.isPending}
                disabled={!d.can.acknowledge}
                w="fit-content"
              >
                {t("documents.ackButton")}
              </Button>
            </Stack>
          </Paper>
        ))}
    </Stack>
  );
}
