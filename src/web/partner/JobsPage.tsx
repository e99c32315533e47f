import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../api.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { EmptyPage } from "../components/EmptyPage.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, showFieldErrors } from "../components/forms.js";
import { IconClipboard } from "../components/icons.js";
import { PageHeader } from "../components/Pages.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { formatVnd } from "../format.js";
import { useLiveStream } from "../live.js";
import { dayText, JOBS_PATH, type Job, orderTone, slotText, statusText } from "../marketplace/marketplace.js";
import { usePartnerProfile } from "./profile.js";

/** The step a job moves to next, and the button that moves it. */
const NEXT = {
  placed: "confirmed",
  confirmed: "preparing",
  preparing: "on_the_way",
} as const;

type Dialog = { kind: "reveal" | "deliver"; job: Job } | null;

function useRefreshJobs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [JOBS_PATH] });
}

/** Asks for the household's 4-digit code; the job closes (and leaves the list) once it matches. */
function DeliverModal({ job, onClose, onDone }: { job: Job; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshJobs();
  const form = useForm({
    initialValues: { code: "" },
    validate: { code: (v) => (/^\d{4}$/.test(v) ? null : t("jobs.codeFormat")) },
  });
  const deliver = useMutation({
    mutationFn: (v: { code: string }) =>
      api.POST("/partner/jobs/{id}/deliver", { params: { path: { id: job.id } }, body: { code: v.code } }),
    onSuccess: () => {
      onDone();
      return refresh();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("jobs.deliverTitle", { code: job.code })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => deliver.mutate(v))}
      submitLabel={t("jobs.deliver")}
      pending={deliver.isPending}
      error={deliver.error}
    >
      {job.collect > 0 && (
        <Alert color="orange" variant="light">
          {t("jobs.collectFirst", { amount: formatVnd(job.collect, i18n.language) })}
        </Alert>
      )}
      <TextInput
        label={t("jobs.code")}
        description={t("jobs.codeHint")}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        data-autofocus
        styles={{ input: { fontSize: 24, letterSpacing: "0.4em" } }}
        {...form.getInputProps("code")}
        onChange={(event) =>
          form.setFieldValue("code", event.currentTarget.value.replace(/\D/g, "").slice(0, 4))
        }
      />
    </FormModal>
  );
}

function JobCard({
  job,
  phone,
  focused,
  onDialog,
}: {
  job: Job;
  phone: string | undefined;
  focused: boolean;
  onDialog: (dialog: Dialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshJobs();
  const next = job.status in NEXT ? NEXT[job.status as keyof typeof NEXT] : null;
  const advance = useMutation({
    mutationFn: (status: "confirmed" | "preparing" | "on_the_way") =>
      api.POST("/partner/jobs/{id}/advance", { params: { path: { id: job.id } }, body: { status } }),
    onSuccess: refresh,
  });
  const headingId = `job-${job.id}`;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      id={`job-${job.code}`}
      aria-labelledby={headingId}
      style={focused ? { outline: "3px solid var(--mantine-color-blue-6)" } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            <Title order={4} size="h5" id={headingId}>
              {t("jobs.recipient", { name: job.recipientFirstName, unit: job.unitCode })}
            </Title>
            <Text size="xs" c="dimmed">
              {job.code} · {t(`market.deliveries.${job.delivery}`)}
            </Text>
          </div>
          <Box style={{ flexShrink: 0 }}>
            <StatusBadge tone={orderTone(job.status)}>{statusText(t, job.status)}</StatusBadge>
          </Box>
        </Group>
        <div>
          <Text size="sm" fw={600}>
            {job.buildingName}
          </Text>
          <Text size="sm">{job.buildingAddress}</Text>
        </div>
        {(job.maskedPhone || phone) && (
          <Group gap="xs" wrap="nowrap">
            {phone ? (
              <Anchor href={`tel:${phone.replace(/\s/g, "")}`} fw={700}>
                {phone}
              </Anchor>
            ) : (
              <Text size="sm" ff="monospace">
                {job.maskedPhone}
              </Text>
            )}
            {!phone && job.can.reveal && (
              <Button size="compact-sm" variant="subtle" onClick={() => onDialog({ kind: "reveal", job })}>
                {t("jobs.reveal")}
              </Button>
            )}
          </Group>
        )}
        <Stack component="ul" gap={2} m={0} pl="md" aria-label={t("jobs.items")}>
          {job.lines.map((l) => (
            <Text component="li" size="sm" key={l.name}>
              {t("orders.line", { quantity: l.quantity, name: l.name })}
            </Text>
          ))}
        </Stack>
        {job.note && (
          <Text size="sm" fs="italic">
            {t("jobs.note", { note: job.note })}
          </Text>
        )}
        {job.collect > 0 ? (
          <Paper bg="orange.0" px="sm" py={6} radius="sm">
            <Text fw={700}>{t("jobs.collect", { amount: formatVnd(job.collect, i18n.language) })}</Text>
          </Paper>
        ) : (
          <Text size="sm" c="teal.9" fw={600}>
            {t("jobs.nothingToCollect")}
          </Text>
        )}
        <FormError error={advance.error} />
        <Group gap="xs" grow>
          {next && job.can.advance && (
            <Button variant="light" loading={advance.isPending} onClick={() => advance.mutate(next)}>
              {t(`jobs.advance.${next}`)}
            </Button>
          )}
          {job.can.deliver && (
            <Button onClick={() => onDialog({ kind: "deliver", job })}>{t("jobs.deliver")}</Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The jobs grouped by day, then by window, in the order the server gives (by day and window). */
function groupJobs(jobs: Job[]) {
  const days: { day: string; slots: { slot: Job["slot"]; jobs: Job[] }[] }[] = [];
  for (const job of jobs) {
    let day = days.find((d) => d.day === job.slotDate);
    if (!day) {
      day = { day: job.slotDate, slots: [] };
      days.push(day);
    }
    let slot = day.slots.find((s) => s.slot === job.slot);
    if (!slot) {
      slot = { slot: job.slot, jobs: [] };
      day.slots.push(slot);
    }
    slot.jobs.push(job);
  }
  return days;
}

/**
 * Việc giao hàng: the partner's open jobs by day and window, with only what each delivery needs; a job leaves
 * the list once delivered. A notification's link (`?job=`) shows its job.
 */
export function JobsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const focus = params.get("job");
  const [dialog, setDialog] = useState<Dialog>(null);
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [delivered, setDelivered] = useState<string | null>(null);
  const profile = usePartnerProfile();
  useLiveStream({ notifications: [JOBS_PATH] }, true);
  const jobs = useQuery({
    queryKey: [JOBS_PATH],
    queryFn: () => api.GET(JOBS_PATH),
    refetchInterval: 2 * 60_000,
  });
  const focusedCode = jobs.data?.items.find((j) => j.id === focus)?.code;
  useEffect(() => {
    if (focusedCode) document.getElementById(`job-${focusedCode}`)?.scrollIntoView({ block: "center" });
  }, [focusedCode]);
  const close = () => setDialog(null);
  // On a phone the header has no room for the partner's name: the first page says whose jobs these are.
  const partnerName = profile.data && (
    <Text size="sm" c="dimmed" fw={600} hiddenFrom="sm">
      {profile.data.displayName}
    </Text>
  );
  const deliveredAlert = delivered && (
    <Alert
      color="teal"
      variant="light"
      role="status"
      withCloseButton
      onClose={() => setDelivered(null)}
      closeButtonLabel={t("common.close")}
    >
      {t("jobs.delivered", { code: delivered })}
    </Alert>
  );
  // Nothing to deliver (the last one just delivered, maybe): the page says when jobs will come.
  if (jobs.data?.items.length === 0)
    return (
      <Stack maw={640} mx="auto" gap="sm">
        {partnerName}
        {deliveredAlert}
        <EmptyPage
          title={t("jobs.title")}
          icon={<IconClipboard size={32} />}
          emptyTitle={t("jobs.emptyTitle")}
          description={t("jobs.empty")}
        />
      </Stack>
    );
  return (
    <Stack maw={640} mx="auto" gap="sm">
      {partnerName}
      <PageHeader title={t("jobs.title")} />
      {deliveredAlert}
      {jobs.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : jobs.isError ? (
        <FormError error={jobs.error} />
      ) : (
        groupJobs(jobs.data.items).map(({ day, slots }) => (
          <Stack component="section" key={day} gap="xs" aria-labelledby={`day-${day}`}>
            <Title order={2} size="h4" id={`day-${day}`}>
              {dayText(t, day)}
            </Title>
            {slots.map(({ slot, jobs: inSlot }) => (
              <Stack key={slot} gap={6}>
                <Title order={3} size="h6" c="dimmed" id={`slot-${day}-${slot}`}>
                  {t("jobs.window", { window: slotText(slot), count: inSlot.length })}
                </Title>
                <Stack
                  component="ul"
                  gap="sm"
                  m={0}
                  p={0}
                  style={{ listStyle: "none" }}
                  aria-labelledby={`slot-${day}-${slot}`}
                >
                  {inSlot.map((job) => (
                    <JobCard
                      key={job.id}
                      job={job}
                      phone={phones[job.id]}
                      focused={job.id === focus}
                      onDialog={setDialog}
                    />
                  ))}
                </Stack>
              </Stack>
            ))}
          </Stack>
        ))
      )}
      {dialog?.kind === "reveal" && (
        <ConfirmModal
          title={t("jobs.revealTitle")}
          confirmLabel={t("jobs.reveal")}
          onClose={close}
          onConfirm={async () => {
            const { phone } = await api.POST("/partner/jobs/{id}/reveal-phone", {
              params: { path: { id: dialog.job.id } },
            });
            setPhones((p) => ({ ...p, [dialog.job.id]: phone }));
          }}
        >
          {t("jobs.revealConfirm", { name: dialog.job.recipientFirstName })}
        </ConfirmModal>
      )}
      {dialog?.kind === "deliver" && (
        <DeliverModal
          job={dialog.job}
          onClose={close}
          onDone={() => {
            setDelivered(dialog.job.code);
            close();
          }}
        />
      )}
    </Stack>
  );
}
