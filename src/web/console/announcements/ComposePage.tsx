import {
  Alert,
  Badge,
  Box,
  Button,
  Chip,
  Grid,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api.js";
import { AttachmentPicker, useUploads } from "../../components/Attachments.js";
import { CategoryBadge } from "../../components/CategoryBadge.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { IconPin } from "../../components/icons.js";
import { PageHeader } from "../../components/Pages.js";
import { formatDateTime } from "../../format.js";
import { useAllBuildings, useBuilding } from "../buildings/buildings.js";
import {
  ANNOUNCEMENTS_PATH,
  type AnnouncementCategory,
  type Audience,
  CATEGORIES,
  ROLES,
  useAnnouncement,
} from "./announcements.js";

type Values = {
  buildingId: string;
  title: string;
  body: string;
  category: AnnouncementCategory;
  pinned: boolean;
  blocks: string[];
  floors: string[];
  roles: string[];
  publishAt: string;
};

const audienceOf = (v: Values): Audience => ({
  blocks: v.blocks,
  floors: v.floors.map(Number),
  unitIds: [],
  roles: v.roles as Audience["roles"],
});

/** How many the audience reaches, counted by the server as the manager chooses (nothing is sent). */
function AudienceCount({
  buildingId,
  audience,
  category,
}: {
  buildingId: string;
  audience: Audience;
  category: AnnouncementCategory;
}) {
  const { t } = useTranslation();
  const [asked] = useDebouncedValue(JSON.stringify({ buildingId, audience, category }), 250);
  const count = useQuery({
    queryKey: [ANNOUNCEMENTS_PATH, "audience", asked],
    queryFn: () => {
      const body = JSON.parse(asked) as {
        buildingId: string;
        audience: Audience;
        category: AnnouncementCategory;
      };
      return api.POST("/buildings/{id}/announcements/audience", {
        params: { path: { id: body.buildingId } },
        body: { audience: body.audience, category: body.category },
      });
    },
    enabled: buildingId !== "",
  });
  if (count.error) return <FormError error={count.error} />;
  const c = count.data;
  return (
    <Alert color="blue" variant="light" role="status" aria-live="polite" data-testid="audience-count">
      {c ? (
        <Stack gap={4}>
          <Text fw={700}>{t("announcements.count", { count: c.sent, units: c.units })}</Text>
          <Text size="sm">
            {t("announcements.countExcluded", {
              restricted: c.excludedRestricted,
              noConsent: c.excludedNoConsent,
              noAccount: c.withoutAccount,
            })}
          </Text>
        </Stack>
      ) : (
        t("announcements.counting")
      )}
    </Alert>
  );
}

/** The announcement as it will look in the resident app's feed, on a phone-sized frame. */
function PhonePreview({ values }: { values: Values }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="sm" fw={600} mb={6}>
        {t("announcements.preview")}
      </Text>
      <Paper
        withBorder
        radius={32}
        p="md"
        pt="xl"
        w={300}
        mih={420}
        bg="gray.0"
        style={{ borderWidth: 8, borderColor: "var(--mantine-color-dark-6)" }}
        aria-label={t("announcements.preview")}
      >
        <Paper withBorder radius="md" p="sm" bg="white">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={700} size="sm">
              {values.pinned && <IconPin size={12} />} {values.title || t("announcements.previewEmpty")}
            </Text>
            <CategoryBadge category={values.category} />
          </Group>
          <Text size="xs" c="dimmed" mb={4}>
            {formatDateTime(new Date().toISOString())}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-line" }} lineClamp={12}>
            {values.body}
          </Text>
        </Paper>
      </Paper>
    </Box>
  );
}

/** A datetime-local value (the browser's local time) as an ISO instant with its offset. */
const toInstant = (local: string) => new Date(local).toISOString();

/** Soạn thông báo: content, audience with its count, a phone preview; publish now, schedule or keep a draft. */
export default function ComposePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const editId = params.get("edit");
  const editing = useAnnouncement(editId);
  const buildings = useAllBuildings();
  const [confirming, setConfirming] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      buildingId: params.get("building") ?? "",
      title: "",
      body: "",
      category: "notice",
      pinned: false,
      blocks: [],
      floors: [],
      roles: [],
      publishAt: "",
    },
    validate: {
      title: (value) => required(value) ?? (value.trim().length < 3 ? t("announcements.titleLength") : null),
      body: required,
      publishAt: (value) => (scheduling && !value ? t("validation.required") : null),
    },
  });
  const { setValues } = form;
  const loaded = editing.data;
  const files = useUploads("announcement");
  const { reset: resetFiles } = files;
  useEffect(() => {
    if (!loaded) return;
    resetFiles(loaded.attachments);
    setValues({
      buildingId: loaded.buildingId,
      title: loaded.title,
      body: loaded.body,
      category: loaded.category,
      pinned: loaded.pinned,
      blocks: loaded.audience.blocks,
      floors: loaded.audience.floors.map(String),
      roles: loaded.audience.roles,
      publishAt: "",
    });
  }, [loaded, setValues, resetFiles]);
  const firstBuilding = buildings.data?.items[0]?.id;
  useEffect(() => {
    if (!form.values.buildingId && firstBuilding) form.setFieldValue("buildingId", firstBuilding);
  }, [firstBuilding, form]);
  const building = useBuilding(form.values.buildingId);
  const blocks = building.data?.blocks ?? [];
  const maxFloor = Math.max(0, ...blocks.map((b) => b.floors));
  const save = useMutation({
    mutationFn: async ({ values, action }: { values: Values; action: "publish" | "draft" | "schedule" }) => {
      const content = {
        title: values.title.trim(),
        body: values.body.trim(),
        category: values.category,
        pinned: values.pinned,
        audience: audienceOf(values),
        attachments: files.ids,
      };
      const publishAt = action === "schedule" ? toInstant(values.publishAt) : undefined;
      if (editId) {
        await api.PATCH("/announcements/{id}", {
          params: { path: { id: editId } },
          body: { ...content, publishAt: publishAt ?? null },
        });
        if (action === "publish")
          return api.POST("/announcements/{id}/publish", { params: { path: { id: editId } } });
        return { id: editId };
      }
      return api.POST("/buildings/{id}/announcements", {
        params: { path: { id: values.buildingId } },
        body: { ...content, action, publishAt },
      });
    },
    onSuccess: async (_result, { values }) => {
      await client.invalidateQueries({ queryKey: [ANNOUNCEMENTS_PATH] });
      navigate(`/console/announcements?building=${values.buildingId}`);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const submit = (action: "publish" | "draft" | "schedule") => {
    setScheduling(action === "schedule");
    // Validation reads `scheduling` on the next render: check the time here too.
    if (action === "schedule" && !form.values.publishAt) {
      form.setFieldError("publishAt", t("validation.required"));
      return;
    }
    if (form.validate().hasErrors) return;
    if (action === "publish") setConfirming(true);
    else save.mutate({ values: form.values, action });
  };
  const floors = Array.from({ length: maxFloor }, (_, i) => String(i + 1));
  return (
    <>
      <PageHeader title={editId ? t("announcements.editTitle") : t("announcements.compose")} />
      <Button component={Link} to="/console/announcements" variant="subtle" px={0} mb="sm">
        ← {t("announcements.back")}
      </Button>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit("publish");
            }}
          >
            <Stack>
              {(buildings.data?.items.length ?? 0) > 1 && !editId && (
                <NativeSelect
                  label={t("announcements.building")}
                  data={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
                  {...form.getInputProps("buildingId")}
                />
              )}
              <TextInput
                label={t("announcements.titleLabel")}
                maxLength={200}
                data-autofocus
                {...form.getInputProps("title")}
              />
              <NativeSelect
                label={t("announcements.category")}
                data={CATEGORIES.map((value) => ({ value, label: t(`announcementCategory.${value}`) }))}
                {...form.getInputProps("category")}
              />
              {form.values.category === "promotion" && (
                <Text size="sm" c="dimmed">
                  {t("announcements.promotionHint")}
                </Text>
              )}
              <Textarea
                label={t("announcements.body")}
                autosize
                minRows={5}
                maxLength={5000}
                {...form.getInputProps("body")}
              />
              <AttachmentPicker
                uploads={files}
                accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
                label={t("announcements.attach")}
                max={10}
              />
              <Switch
                label={t("announcements.pinned")}
                {...form.getInputProps("pinned", { type: "checkbox" })}
              />
              <Paper withBorder p="md" radius="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t("announcements.audience")}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t("announcements.audienceHint")}
                  </Text>
                  {blocks.length > 1 && (
                    <Chip.Group multiple {...form.getInputProps("blocks")}>
                      <Group gap="xs" role="group" aria-label={t("announcements.blocks")}>
                        <Text size="sm" fw={600} w={80}>
                          {t("announcements.blocks")}
                        </Text>
                        {blocks.map((b) => (
                          <Chip key={b.name} value={b.name}>
                            {b.name}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                  )}
                  <MultiSelect
                    label={t("announcements.floors")}
                    data={floors.map((f) => ({
                      value: f,
                      label: t("announcements.floorLabel", { floor: f }),
                    }))}
                    searchable
                    clearable
                    {...form.getInputProps("floors")}
                  />
                  <Chip.Group multiple {...form.getInputProps("roles")}>
                    <Group gap="xs" role="group" aria-label={t("announcements.roles")}>
                      <Text size="sm" fw={600} w={80}>
                        {t("announcements.roles")}
                      </Text>
                      {ROLES.map((r) => (
                        <Chip key={r} value={r}>
                          {t(`announcements.roleNames.${r}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  <AudienceCount
                    buildingId={form.values.buildingId}
                    audience={audienceOf(form.values)}
                    category={form.values.category}
                  />
                </Stack>
              </Paper>
              <TextInput
                type="datetime-local"
                label={t("announcements.publishAt")}
                {...form.getInputProps("publishAt")}
                w={{ base: "100%", sm: 280 }}
              />
              <FormError error={save.error} />
              <Group>
                <Button type="submit" loading={save.isPending && !scheduling} disabled={files.busy}>
                  {t("announcements.publishNow")}
                </Button>
                <Button
                  variant="default"
                  onClick={() => submit("schedule")}
                  loading={save.isPending && scheduling}
                >
                  {t("announcements.schedule")}
                </Button>
                <Button variant="subtle" onClick={() => submit("draft")}>
                  {t("announcements.saveDraft")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PhonePreview values={form.values} />
          {loaded && loaded.status !== "draft" && loaded.status !== "scheduled" && (
            <Badge mt="md">{t(`announcements.statuses.${loaded.status}`)}</Badge>
          )}
        </Grid.Col>
      </Grid>
      {confirming && (
        <ConfirmModal
          title={t("announcements.confirmPublishTitle")}
          confirmLabel={t("announcements.publishNow")}
          onConfirm={() => save.mutateAsync({ values: form.values, action: "publish" })}
          onClose={() => setConfirming(false)}
        >
          {t("announcements.confirmPublishShort")}
        </ConfirmModal>
      )}
    </>
  );
}
