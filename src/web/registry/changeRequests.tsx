import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChangeRequest } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { formatArea, formatDateTime, formatDay, parseArea, parseDay } from "../format.js";
import { currentLang } from "../i18n.js";
import { useHousehold } from "./registry.js";

export type { ChangeRequest };

export type ChangeKind = ChangeRequest["kind"];
export type ChangeStatus = ChangeRequest["status"];

/** The staff's queue of pending requests. */
export const CHANGE_REQUESTS_PATH = "/change-requests";

/** Query keys start with "change-requests", so one invalidation refreshes the queue and every unit's list. */
const unitRequestsKey = (unitId: string) => ["change-requests", "unit", unitId] as const;
export const changeQueueKey = ["change-requests", "pending"] as const;

export async function invalidateChangeRequests(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ["change-requests"] });
}

/** Tones of StatusBadge per request status. */
export const CHANGE_TONES = { pending: "waiting", approved: "positive", rejected: "inactive" } as const;

/** Words for change requests: the kind, the status and what would change. */
export function useChangeWords() {
  const { t } = useTranslation();
  const area = (m2: number) => formatArea(m2, currentLang());
  return {
    kind: (kind: ChangeKind) => t(`changeRequests.kinds.${kind}`),
    status: (status: ChangeStatus) => t(`changeRequests.statuses.${status}`),
    area,
    /** "Diện tích: 72,3 m² → 75 m²" or "Chủ hộ mới: …, từ dd/MM/yyyy". */
    change: (request: ChangeRequest) =>
      request.kind === "area"
        ? t("changeRequests.areaChange", {
            current: area(request.currentAreaM2),
            proposed: request.proposedAreaM2 === null ? "—" : area(request.proposedAreaM2),
          })
        : t("changeRequests.ownerChange", {
            name: request.newOwnerName ?? "—",
            date: request.transferOn ? formatDay(request.transferOn) : "—",
          }),
  };
}

type AreaValues = { areaM2: string; note: string };
type OwnerValues = { newOwnerName: string; newOwnerContact: string; transferOn: string; note: string };

const optional = (value: string) => value.trim() || undefined;

/** The owner's request to correct the unit's recorded area. */
function AreaRequestModal({ unitId, onSent, onClose }: ModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<AreaValues>({
    initialValues: { areaM2: "", note: "" },
    validate: { areaM2: (value) => (parseArea(value) === null ? t("units.areaInvalid") : null) },
  });
  const send = useMutation({
    mutationFn: (values: AreaValues) =>
      api.POST("/units/{id}/change-requests", {
        params: { path: { id: unitId } },
        body: {
          kind: "area",
          // The form requires a valid area before it submits.
          areaM2: parseArea(values.areaM2) ?? 0,
          note: optional(values.note),
        },
      }),
    onSuccess: async () => {
      await invalidateChangeRequests(queryClient);
      onSent();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("changeRequests.area")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => send.mutate(values))}
      submitLabel={t("changeRequests.submit")}
      pending={send.isPending}
      error={send.error}
    >
      <TextInput
        label={t("changeRequests.areaM2")}
        description={t("changeRequests.areaHint")}
        inputMode="decimal"
        autoComplete="off"
        withAsterisk
        data-autofocus
        {...form.getInputProps("areaM2")}
      />
      <Textarea label={t("changeRequests.note")} autosize minRows={2} {...form.getInputProps("note")} />
    </FormModal>
  );
}

/** The owner's request to hand the unit to a new owner on a day. */
function OwnershipRequestModal({ unitId, onSent, onClose }: ModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<OwnerValues>({
    initialValues: { newOwnerName: "", newOwnerContact: "", transferOn: "", note: "" },
    validate: {
      newOwnerName: required,
      transferOn: (value) => (value.trim() && parseDay(value) ? null : t("validation.day")),
    },
  });
  const send = useMutation({
    mutationFn: (values: OwnerValues) =>
      api.POST("/units/{id}/change-requests", {
        params: { path: { id: unitId } },
        body: {
          kind: "ownership",
          newOwnerName: values.newOwnerName.trim(),
          newOwnerContact: optional(values.newOwnerContact),
          transferOn: parseDay(values.transferOn) ?? "",
          note: optional(values.note),
        },
      }),
    onSuccess: async () => {
      await invalidateChangeRequests(queryClient);
      onSent();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("changeRequests.ownership")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => send.mutate(values))}
      submitLabel={t("changeRequests.submit")}
      pending={send.isPending}
      error={send.error}
    >
      <TextInput
        label={t("changeRequests.newOwnerName")}
        autoComplete="off"
        withAsterisk
        data-autofocus
        {...form.getInputProps("newOwnerName")}
      />
      <TextInput
        label={t("changeRequests.newOwnerContact")}
        description={t("changeRequests.newOwnerContactHint")}
        autoComplete="off"
        {...form.getInputProps("newOwnerContact")}
      />
      <TextInput
        label={t("changeRequests.transferOn")}
        placeholder={t("validation.dayPlaceholder")}
        inputMode="numeric"
        autoComplete="off"
        withAsterisk
        {...form.getInputProps("transferOn")}
      />
      <Textarea label={t("changeRequests.note")} autosize minRows={2} {...form.getInputProps("note")} />
    </FormModal>
  );
}

type ModalProps = { unitId: string; onSent: () => void; onClose: () => void };

function RequestItem({ request }: { request: ChangeRequest }) {
  const { t } = useTranslation();
  const words = useChangeWords();
  const details = [
    t("changeRequests.sentOn", { date: formatDateTime(request.createdAt) }),
    request.decidedAt && t("changeRequests.decidedOn", { date: formatDateTime(request.decidedAt) }),
  ].filter(Boolean);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{words.kind(request.kind)}</Text>
          <StatusBadge tone={CHANGE_TONES[request.status]}>{words.status(request.status)}</StatusBadge>
        </Group>
        <Text size="sm">{words.change(request)}</Text>
        {request.note && (
          <Text size="sm" c="dimmed">
            {t("changeRequests.noteLine", { note: request.note })}
          </Text>
        )}
        {request.decisionNote && (
          <Text size="sm">{t("changeRequests.decisionLine", { note: request.decisionNote })}</Text>
        )}
        <Text size="xs" c="dimmed">
          {details.join(" · ")}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * "Yêu cầu thay đổi" on the resident's household page: the owner asks to correct the area or to change the
 * owner; everyone in the household sees the unit's requests and what became of them.
 */
export function ChangeRequestsSection({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const household = useHousehold(unitId);
  const [dialog, setDialog] = useState<ChangeKind | null>(null);
  const [notice, setNotice] = useState(false);
  const isOwner = household.data?.members.some(
    (member) => member.you && member.role === "owner" && member.movedOutOn === null,
  );
  const requests = useQuery({
    queryKey: unitRequestsKey(unitId),
    queryFn: () => api.GET("/units/{id}/change-requests", { params: { path: { id: unitId } } }),
    enabled: household.isSuccess,
  });
  const items = requests.data?.items ?? [];
  if (!isOwner && items.length === 0) return null;
  const headingId = `change-requests-${unitId}`;
  const close = () => setDialog(null);
  const sent = () => {
    setDialog(null);
    setNotice(true);
  };

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {t("changeRequests.title")}
          </Title>
          {isOwner && (
            <Text size="sm" c="dimmed">
              {t("changeRequests.description")}
            </Text>
          )}
        </div>
        {isOwner && (
          <Group gap="sm">
            <Button variant="light" onClick={() => setDialog("area")}>
              {t("changeRequests.area")}
            </Button>
            <Button variant="light" onClick={() => setDialog("ownership")}>
              {t("changeRequests.ownership")}
            </Button>
          </Group>
        )}
        {notice && (
          <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(false)} role="status">
            {t("changeRequests.sent")}
          </Alert>
        )}
        {requests.isPending ? (
          <Center py="sm">
            <Loader size="sm" aria-label={t("common.loading")} />
          </Center>
        ) : requests.isError ? (
          <FormError error={requests.error} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("changeRequests.empty")}
          </Text>
        ) : (
          <ItemList label={t("changeRequests.list")}>
            {items.map((request) => (
              <RequestItem key={request.id} request={request} />
            ))}
          </ItemList>
        )}
      </Stack>
      {dialog === "area" && <AreaRequestModal unitId={unitId} onSent={sent} onClose={close} />}
      {dialog === "ownership" && <OwnershipRequestModal unitId={unitId} onSent={sent} onClose={close} />}
    </Paper>
  );
}
