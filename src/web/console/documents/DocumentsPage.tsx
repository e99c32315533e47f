import {
  Anchor,
  Badge,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { AttachmentPicker, useUploads } from "../../components/Attachments.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { ItemList } from "../../components/ItemList.js";
import { IconFile } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageNav } from "../../components/PageNav.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import {
  categoryText,
  DOCUMENTS_PATH,
  type Document,
  type DocumentCategory,
  documentFileUrl,
  useDocument,
} from "../../documents/documents.js";
import { formatDate, formatDateTime } from "../../format.js";
import { useAbilities } from "../access.js";
import { useBuildingFilter } from "../buildings/BuildingFilter.js";
import { useAllBuildings } from "../buildings/buildings.js";

const CATEGORIES: DocumentCategory[] = ["rules", "minutes", "contract", "form", "other"];
const AUDIENCES: Document["audience"][] = ["residents", "owners", "board", "staff"];
/** What the library takes: a PDF, or a scan as an image. */
const DOCUMENT_TYPES = "application/pdf,image/jpeg,image/png,image/webp,image/heic";

type Values = {
  buildingId: string;
  category: DocumentCategory;
  title: string;
  description: string;
  audience: Document["audience"];
  requiresAck: boolean;
  note: string;
};

/** Publishes a document with its first file, or changes what is said of one (its file changes by a version). */
function DocumentFormModal({ doc, onClose }: { doc?: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const buildings = useAllBuildings();
  const firstBuilding = buildings.data?.items[0]?.id ?? "";
  const uploads = useUploads("document");
  const form = useForm<Values>({
    initialValues: {
      buildingId: doc?.buildingId ?? "",
      category: doc?.category ?? "rules",
      title: doc?.title ?? "",
      description: doc?.description ?? "",
      audience: doc?.audience ?? "residents",
      requiresAck: doc?.requiresAck ?? false,
      note: "",
    },
    validate: { title: required },
  });
  const [fileMissing, setFileMissing] = useState(false);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        category: v.category,
        title: v.title.trim(),
        description: v.description.trim(),
        audience: v.audience,
        requiresAck: v.requiresAck && (v.audience === "residents" || v.audience === "owners"),
      };
      if (doc) return api.PATCH("/documents/{id}", { params: { path: { id: doc.id } }, body: common });
      return api.POST(DOCUMENTS_PATH, {
        body: {
          ...common,
          buildingId: v.buildingId || firstBuilding,
          fileId: uploads.ids[0] ?? "",
          note: v.note.trim() || undefined,
        },
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [DOCUMENTS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const ackAllowed = form.values.audience === "residents" || form.values.audience === "owners";
  return (
    <FormModal
      title={doc ? t("common.editNamed", { name: doc.title }) : t("documentDesk.publish")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => {
        if (!doc && uploads.ids.length === 0) return setFileMissing(true);
        save.mutate(v);
      })}
      submitLabel={doc ? t("common.save") : t("documentDesk.publish")}
      pending={save.isPending || uploads.busy}
      error={save.error}
      size="lg"
    >
      <TextInput
        label={t("documentDesk.form.title")}
        maxLength={200}
        data-autofocus
        {...form.getInputProps("title")}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={t("documentDesk.form.category")}
          data={CATEGORIES.map((c) => ({ value: c, label: categoryText(t, c) }))}
          {...form.getInputProps("category")}
        />
        <NativeSelect
          label={t("documentDesk.form.audience")}
          data={AUDIENCES.map((a) => ({ value: a, label: t(`documents.audiences.${a}`) }))}
          {...form.getInputProps("audience")}
        />
      </Group>
      {!doc && (buildings.data?.items.length ?? 0) > 1 && (
        <NativeSelect
          label={t("documentDesk.form.building")}
          data={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          {...form.getInputProps("buildingId")}
          value={form.values.buildingId || firstBuilding}
        />
      )}
      <Textarea
        label={t("documentDesk.form.description")}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps("description")}
      />
      <Switch
        label={t("documentDesk.form.requiresAck")}
        description={
          ackAllowed ? t("documentDesk.form.requiresAckHint") : t("documentDesk.form.requiresAckNot")
        }
        disabled={!ackAllowed}
        {...form.getInputProps("requiresAck", { type: "checkbox" })}
        checked={ackAllowed && form.values.requiresAck}
      />
      {!doc && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("documentDesk.form.file")}
          </Text>
          <AttachmentPicker
            uploads={uploads}
            accept={DOCUMENT_TYPES}
            label={t("documentDesk.form.choose")}
            max={1}
          />
          {fileMissing && uploads.ids.length === 0 && (
            <Text size="sm" c="red.8">
              {t("documentDesk.form.fileMissing")}
            </Text>
          )}
        </Stack>
      )}
    </FormModal>
  );
}

/** A new version: its file and what changed; residents are asked to acknowledge it again. */
function VersionForm({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const uploads = useUploads("document");
  const [note, setNote] = useState("");
  const publish = useMutation({
    mutationFn: () =>
      api.POST("/documents/{id}/versions", {
        params: { path: { id: doc.id } },
        body: { fileId: uploads.ids[0] ?? "", note: note.trim() || undefined },
      }),
    onSuccess: async () => {
      uploads.reset();
      setNote("");
      await queryClient.invalidateQueries({ queryKey: [DOCUMENTS_PATH] });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("documentDesk.newVersion")}
      </Title>
      <AttachmentPicker
        uploads={uploads}
        accept={DOCUMENT_TYPES}
        label={t("documentDesk.form.choose")}
        max={1}
      />
      <TextInput
        label={t("documentDesk.form.note")}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={500}
      />
      <FormError error={publish.error} />
      <Button
        onClick={() => publish.mutate()}
        disabled={uploads.ids.length === 0 || uploads.busy}
        loading={publish.isPending}
        w="fit-content"
      >
        {t("documentDesk.publishVersion", { version: doc.current.version + 1 })}
      </Button>
    </Stack>
  );
}

function Acknowledgements({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [DOCUMENTS_PATH, doc.id, "acknowledgements", doc.current.version, page],
    queryFn: () =>
      api.GET("/documents/{id}/acknowledgements", {
        params: { path: { id: doc.id }, query: { page, pageSize: 20 } },
      }),
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("documentDesk.acknowledgements", {
          done: doc.acknowledgements?.done ?? 0,
          audience: doc.acknowledgements?.audience ?? 0,
        })}
      </Title>
      <FormError error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("documentDesk.noAcknowledgements")}
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <ItemList label={t("documentDesk.acknowledgedBy")}>
          {list.data.items.map((a) => (
            <Text component="li" size="sm" key={`${a.name}-${a.acknowledgedAt}`}>
              {a.name} {a.unitCode ? `(${a.unitCode})` : ""} · {formatDateTime(a.acknowledgedAt)}
            </Text>
          ))}
        </ItemList>
      )}
      {list.data && <PageNav page={page} total={list.data.total} pageSize={20} onChange={setPage} />}
    </Stack>
  );
}

/** A document's file, versions and acknowledgements; the managers publish a version or archive it here. */
function DocumentDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: string;
  onClose: () => void;
  onEdit: (d: Document) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const doc = useDocument(id);
  const versions = useQuery({
    queryKey: [DOCUMENTS_PATH, id, "versions"],
    queryFn: () => api.GET("/documents/{id}/versions", { params: { path: { id } } }),
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      api.PATCH("/documents/{id}", { params: { path: { id } }, body: { archived } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [DOCUMENTS_PATH] }),
  });
  const d = doc.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={d?.title ?? t("common.loading")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {d && (
        <Stack>
          <Text size="sm" c="dimmed">
            {categoryText(t, d.category)} · {t(`documents.audiences.${d.audience}`)}
          </Text>
          {d.description && <Text size="sm">{d.description}</Text>}
          {d.can.update && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => onEdit(d)}>
                {t("common.edit")}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => archive.mutate(!d.archived)}
                loading={archive.isPending}
              >
                {d.archived ? t("documentDesk.restore") : t("documentDesk.archive")}
              </Button>
            </Group>
          )}
          <FormError error={archive.error} />
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t("documentDesk.versions")}
            </Title>
            <ItemList label={t("documentDesk.versions")}>
              {(versions.data?.items ?? []).map((v) => (
                <Stack component="li" gap={0} key={v.version}>
                  <Anchor href={documentFileUrl(d.id, v.file.id)} target="_blank" rel="noopener" size="sm">
                    {t("documentDesk.versionFile", { version: v.version, name: v.file.name })}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(v.publishedAt)}
                    {v.note ? ` · ${v.note}` : ""}
                  </Text>
                </Stack>
              ))}
            </ItemList>
          </Stack>
          {d.can.update && !d.archived && <VersionForm doc={d} />}
          {d.requiresAck && d.can.update && <Acknowledgements doc={d} />}
        </Stack>
      )}
      <FormError error={doc.error} />
    </Drawer>
  );
}

type Dialog = { kind: "form"; doc?: Document } | { kind: "open"; id: string } | null;

/** Tài liệu (console): the buildings' library — rules, minutes, contracts, forms — with versions and acknowledgements. */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const manages = useAbilities()("document", "update");
  const {
    buildingId,
    filter: buildingFilter,
    several,
    buildingName,
  } = useBuildingFilter(t("documentDesk.form.building"));
  const [category, setCategory] = useState("");
  const [archived, setArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = usePagedList(
    DOCUMENTS_PATH,
    { category: category || undefined, archived: archived ? "true" : undefined },
    undefined,
    { buildingId: buildingId || undefined },
  );
  const columns: Column<Document>[] = [
    {
      header: t("documentDesk.form.title"),
      cell: (d) => (
        <div>
          <Text size="sm" fw={600}>
            {d.title}
          </Text>
          <Text size="xs" c="dimmed">
            {[categoryText(t, d.category), several ? buildingName(d.buildingId) : null]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </div>
      ),
    },
    { header: t("documentDesk.form.audience"), cell: (d) => t(`documents.audiences.${d.audience}`) },
    {
      header: t("documentDesk.version"),
      cell: (d) => t("documents.versionOn", { version: d.current.version, date: formatDate(d.updatedAt) }),
      visibleFrom: "md",
    },
    {
      header: t("documentDesk.acknowledged"),
      cell: (d) =>
        d.acknowledgements ? (
          <Badge
            variant="light"
            color={d.acknowledgements.done === d.acknowledgements.audience ? "green" : "orange"}
          >
            {d.acknowledgements.done}/{d.acknowledgements.audience}
          </Badge>
        ) : (
          "—"
        ),
    },
    {
      header: t("common.actions"),
      cell: (d) => (
        <Button
          size="xs"
          variant="light"
          aria-label={t("documentDesk.openNamed", { name: d.title })}
          onClick={() => setDialog({ kind: "open", id: d.id })}
        >
          {t("documentDesk.open")}
        </Button>
      ),
    },
  ];
  const filters = (
    <Group gap="sm" align="flex-end">
      {buildingFilter}
      <NativeSelect
        label={t("documentDesk.form.category")}
        data={[
          { value: "", label: t("common.all") },
          ...CATEGORIES.map((c) => ({ value: c, label: categoryText(t, c) })),
        ]}
        value={category}
        onChange={(e) => setCategory(e.currentTarget.value)}
        w={{ base: "100%", xs: 200 }}
      />
      <Switch
        label={t("documentDesk.archived")}
        checked={archived}
        onChange={(e) => setArchived(e.currentTarget.checked)}
        mb={6}
      />
    </Group>
  );
  return (
    <Stack>
      <PageHeader
        title={t("nav.documents")}
        action={
          manages && <Button onClick={() => setDialog({ kind: "form" })}>{t("documentDesk.publish")}</Button>
        }
      />
      <Text size="sm" c="dimmed" maw={720}>
        {t("documentDesk.intro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("nav.documents")}
        searchLabel={t("documentDesk.search")}
        minWidth={720}
        filters={filters}
        onOpen={(d) => setDialog({ kind: "open", id: d.id })}
        empty={
          <EmptyState
            icon={<IconFile size={32} />}
            variant="light"
            title={t("documentDesk.empty")}
            description={manages ? t("documentDesk.emptyHint") : undefined}
            py="lg"
          />
        }
      />
      {dialog?.kind === "form" && <DocumentFormModal doc={dialog.doc} onClose={() => setDialog(null)} />}
      {dialog?.kind === "open" && (
        <DocumentDrawer
          id={dialog.id}
          onClose={() => setDialog(null)}
          onEdit={(doc) => setDialog({ kind: "form", doc })}
        />
      )}
    </Stack>
  );
}
