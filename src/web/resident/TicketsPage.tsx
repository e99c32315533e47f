import {
  Anchor,
  Button,
  Center,
  Chip,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Rating,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { TicketCategory } from "../../contracts/tickets.js";
import { api } from "../api.js";
import { AttachmentPicker, PHOTO_TYPES, useUploads } from "../components/Attachments.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { IconClipboard } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { formatDateTime } from "../format.js";
import { PriorityBadge, StatusBadge } from "../tickets/badges.js";
import { TicketTimeline } from "../tickets/TicketTimeline.js";
import {
  CATEGORIES,
  LOCATIONS,
  MY_TICKETS_PATH,
  type TicketDetail,
  useMyTickets,
  useRateTicket,
  useReopenTicket,
  useTicket,
} from "../tickets/tickets.js";
import { useChosenUnit } from "./units.js";

type Values = {
  unitId: string;
  category: TicketCategory | "";
  location: (typeof LOCATIONS)[number];
  locationNote: string;
  title: string;
  description: string;
  urgent: boolean;
};

/** Báo sự cố: what, where, how urgent, with photos; the management is told at once. */
export function NewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { units, chosen } = useChosenUnit();
  const form = useForm<Values>({
    initialValues: {
      unitId: chosen?.unitId ?? units[0]?.unitId ?? "",
      category: "",
      location: "unit",
      locationNote: "",
      title: "",
      description: "",
      urgent: false,
    },
    validate: {
      category: (v) => (v ? null : t("tickets.new.pickCategory")),
      title: required,
      description: required,
    },
  });
  const photos = useUploads("ticket");
  const report = useMutation({
    mutationFn: (v: Values) =>
      api.POST(MY_TICKETS_PATH, {
        body: {
          unitId: v.unitId,
          category: v.category as TicketCategory,
          location: v.location,
          locationNote: v.location === "unit" ? undefined : v.locationNote.trim() || undefined,
          title: v.title.trim(),
          description: v.description.trim(),
          urgent: v.urgent,
          photos: photos.ids,
        },
      }),
    onSuccess: async (ticket) => {
      await queryClient.invalidateQueries({ queryKey: [MY_TICKETS_PATH] });
      navigate(`/app/tickets/${ticket.id}`, { replace: true });
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/tickets" size="sm">
        ← {t("tickets.back")}
      </Anchor>
      <PageHeader title={t("tickets.new.title")} />
      <form onSubmit={form.onSubmit((v) => report.mutate(v))}>
        <Stack gap="md">
          {units.length > 1 && (
            <NativeSelect
              label={t("tickets.unit")}
              data={units.map((u) => ({ value: u.unitId, label: u.label }))}
              {...form.getInputProps("unitId")}
            />
          )}
          <Stack gap={6}>
            <Text size="sm" fw={500} id="ticket-category">
              {t("tickets.category")}
            </Text>
            <Chip.Group
              value={form.values.category}
              onChange={(v) => form.setFieldValue("category", v as TicketCategory)}
            >
              <Group gap="xs" role="radiogroup" aria-labelledby="ticket-category">
                {CATEGORIES.map((c) => (
                  <Chip key={c} value={c} type="radio">
                    {t(`tickets.categories.${c}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors.category && (
              <Text size="xs" c="red.8">
                {form.errors.category}
              </Text>
            )}
          </Stack>
          <NativeSelect
            label={t("tickets.location")}
            data={LOCATIONS.map((value) => ({ value, label: t(`tickets.locations.${value}`) }))}
            {...form.getInputProps("location")}
          />
          {form.values.location !== "unit" && (
            <TextInput
              label={t("tickets.locationNote")}
              placeholder={t("tickets.locationNoteHint")}
              maxLength={200}
              {...form.getInputProps("locationNote")}
            />
          )}
          <TextInput
            label={t("tickets.titleField")}
            placeholder={t("tickets.titleHint")}
            maxLength={120}
            {...form.getInputProps("title")}
          />
          <Textarea
            label={t("tickets.description")}
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps("description")}
          />
          <AttachmentPicker uploads={photos} accept={PHOTO_TYPES} label={t("tickets.addPhoto")} max={5} />
          <Switch
            label={t("tickets.urgent")}
            description={t("tickets.urgentHint")}
            {...form.getInputProps("urgent", { type: "checkbox" })}
          />
          <FormError error={report.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={report.isPending} disabled={photos.busy}>
              {t("tickets.new.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Phản ánh: the resident's tickets, latest first, and the way to report a new one. */
export function TicketsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useMyTickets(page);
  const body = (
    <PagedItems
      query={list}
      page={page}
      onPage={setPage}
      label={t("tickets.listLabel")}
      empty={
        <EmptyState
          icon={<IconClipboard size={32} />}
          variant="light"
          title={t("tickets.empty")}
          description={t("tickets.emptyHint")}
          py="xl"
        />
      }
      item={(ticket) => (
        <Paper
          component="li"
          key={ticket.id}
          withBorder
          p="md"
          radius="md"
          bg={ticket.status === "resolved" || ticket.status === "waiting" ? "blue.0" : undefined}
        >
          <UnstyledButton component={Link} to={`/app/tickets/${ticket.id}`} display="block" w="100%">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={700}>{ticket.title}</Text>
              <StatusBadge status={ticket.status} />
            </Group>
            <Text size="xs" c="dimmed">
              #{ticket.number} · {t(`tickets.categories.${ticket.category}`)} · {ticket.unitCode} ·{" "}
              {formatDateTime(ticket.updatedAt)}
            </Text>
          </UnstyledButton>
        </Paper>
      )}
    />
  );
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <PageHeader
        title={t("tickets.title")}
        action={
          <Button component={Link} to="/app/tickets/new">
            {t("tickets.report")}
          </Button>
        }
      />
      {body}
    </Stack>
  );
}

/** The resident confirms the work is done with a rating (which closes it), or says it is not. */
function Resolution({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");
  const rate = useRateTicket(ticket.id);
  const reopen = useReopenTicket(ticket.id);
  const canReopen =
    ticket.can.reopen && ticket.reopenUntil !== null && Date.parse(ticket.reopenUntil) > Date.now();
  if (!ticket.can.rate && !canReopen) return null;
  return (
    <Paper withBorder p="md" radius="md" bg="teal.0">
      <Stack gap="sm">
        {ticket.can.rate && (
          <>
            <Text fw={700}>{t("tickets.rate.title")}</Text>
            <Rating
              value={rating}
              onChange={setRating}
              size="lg"
              aria-label={t("tickets.rate.stars")}
              getSymbolLabel={(value) => t("tickets.rate.star", { count: value })}
            />
            <Textarea
              label={t("tickets.rate.comment")}
              autosize
              minRows={2}
              maxLength={1000}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
            />
            <FormError error={rate.error} />
            <Group justify="flex-end">
              <Button
                disabled={rating === 0}
                loading={rate.isPending}
                onClick={() => rate.mutate({ rating, comment: comment.trim() || undefined })}
              >
                {t("tickets.rate.send")}
              </Button>
            </Group>
          </>
        )}
        {canReopen && !reopening && (
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {t("tickets.reopen.hint", { until: formatDateTime(ticket.reopenUntil ?? "") })}
            </Text>
            <Button variant="default" onClick={() => setReopening(true)}>
              {t("tickets.reopen.open")}
            </Button>
          </Group>
        )}
        {reopening && (
          <>
            <Textarea
              label={t("tickets.reopen.reason")}
              autosize
              minRows={2}
              maxLength={4000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <FormError error={reopen.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReopening(false)}>
                {t("tickets.cancel")}
              </Button>
              <Button
                disabled={!reason.trim()}
                loading={reopen.isPending}
                onClick={() => reopen.mutate(reason.trim(), { onSuccess: () => setReopening(false) })}
              >
                {t("tickets.reopen.send")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** One ticket: where it stands, its timeline with the management's answers (live), rating or reopening. */
export function TicketPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const ticket = useTicket(id);
  const d = ticket.data;
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/tickets" size="sm">
        ← {t("tickets.back")}
      </Anchor>
      {ticket.isPending && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      <FormError error={ticket.error} />
      {d && (
        <>
          <PageHeader title={`#${d.number} ${d.title}`} action={<StatusBadge status={d.status} />} />
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t(`tickets.categories.${d.category}`)} ·{" "}
              {d.location === "unit" ? d.unitCode : t(`tickets.locations.${d.location}`)}
              {d.locationNote ? ` (${d.locationNote})` : ""}
            </Text>
            <PriorityBadge priority={d.priority} />
          </Group>
          {d.status === "new" && (
            <Text size="sm">{t("tickets.expected", { time: formatDateTime(d.sla.respondBy) })}</Text>
          )}
          <Resolution ticket={d} />
          <TicketTimeline ticket={d} mine="resident" />
        </>
      )}
    </Stack>
  );
}
