import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api.js";
import { AttachmentList, AttachmentPicker, useUploads } from "../components/Attachments.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { IconTool } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDay, formatVnd, parseDay } from "../format.js";
import {
  RENOVATIONS_PATH,
  REQUESTS_PATH,
  type Renovation,
  renovationFileUrl,
  SERVICES_PATH,
  type Service,
  type ServiceRequest,
  statusText,
  statusTone,
  WINDOWS,
  whenText,
} from "../services/services.js";
import { useChosenUnitId } from "./units.js";

const back = (label: string) => (
  <Anchor component={Link} to="/app/services" size="sm">
    ← {label}
  </Anchor>
);

/** Asks for a service for the chosen unit: a day, the elevator window for moving, a note. */
function RequestModal({
  service,
  unitId,
  onClose,
}: {
  service: Service;
  unitId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const moving = service.kind === "moving";
  const form = useForm({
    initialValues: { preferredOn: "", window: "morning" as "morning" | "afternoon", note: "" },
    validate: { preferredOn: (v) => (parseDay(v) ? null : t("validation.day")) },
  });
  const send = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.POST(REQUESTS_PATH, {
        body: {
          serviceId: service.id,
          unitId,
          preferredOn: parseDay(v.preferredOn) || "",
          window: moving ? v.window : undefined,
          note: v.note.trim() || undefined,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [REQUESTS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("serviceRequests.askTitle", { name: service.name })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => send.mutate(v))}
      submitLabel={t("serviceRequests.send")}
      pending={send.isPending}
      error={send.error}
    >
      <Text size="sm" c="dimmed">
        {service.fee > 0
          ? t("serviceRequests.feeNote", { fee: formatVnd(service.fee, "vi") })
          : t("serviceRequests.free")}
        {service.needsApproval ? ` ${t("serviceRequests.needsApproval")}` : ""}
      </Text>
      <TextInput
        label={t("serviceRequests.preferredOn")}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        data-autofocus
        {...form.getInputProps("preferredOn")}
      />
      {moving && (
        <NativeSelect
          label={t("serviceRequests.window")}
          data={WINDOWS.map((w) => ({ value: w, label: t(`serviceRequests.windows.${w}`) }))}
          {...form.getInputProps("window")}
        />
      )}
      <Textarea
        label={t("serviceRequests.note")}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps("note")}
      />
    </FormModal>
  );
}

function RequestCard({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      api.POST("/service-requests/{id}/cancel", { params: { path: { id: request.id } }, body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [REQUESTS_PATH] }),
  });
  const when = request.scheduledOn
    ? t("serviceRequests.scheduledFor", { when: whenText(t, request.scheduledOn, request.scheduledWindow) })
    : t("serviceRequests.preferred", { when: whenText(t, request.preferredOn, request.window) });
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={700}>{request.serviceName}</Text>
          <Text size="xs" c="dimmed">
            {request.unitCode} · {when}
          </Text>
          {request.reason && <Text size="sm">{request.reason}</Text>}
        </div>
        <StatusBadge tone={statusTone(request.status)}>{statusText(t, request.status)}</StatusBadge>
      </Group>
      {request.can.cancel && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          mt="xs"
          onClick={() => cancel.mutate()}
          loading={cancel.isPending}
        >
          {t("serviceRequests.cancel")}
        </Button>
      )}
      <FormError error={cancel.error} />
    </Paper>
  );
}

/** Đăng ký dịch vụ: the building's services to ask for, and the household's requests with where they stand. */
export function ServiceRequestsPage() {
  const { t, i18n } = useTranslation();
  const unitId = useChosenUnitId();
  const [asking, setAsking] = useState<Service | null>(null);
  const catalogue = usePagedList(SERVICES_PATH, {}, undefined, { unitId });
  const mine = usePagedList(REQUESTS_PATH, {}, undefined, { unitId });
  return (
    <Stack maw={720} mx="auto" gap="sm">
      {back(t("services.title"))}
      <PageHeader title={t("services.requests")} />
      <PagedItems
        query={catalogue.query}
        page={catalogue.page}
        onPage={catalogue.setPage}
        label={t("serviceRequests.catalogue")}
        empty={
          <EmptyState
            icon={<IconTool size={32} />}
            variant="light"
            title={t("serviceRequests.noServices")}
            py="lg"
          />
        }
        item={(s) => (
          <Paper component="li" withBorder p="md" radius="md" key={s.id}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={700}>{s.name}</Text>
                {s.description && (
                  <Text size="sm" c="dimmed">
                    {s.description}
                  </Text>
                )}
                <Group gap={6} mt={4}>
                  <Badge variant="light" color="gray" tt="none">
                    {s.fee > 0 ? formatVnd(s.fee, i18n.language) : t("serviceRequests.freeShort")}
                  </Badge>
                  {s.needsApproval && (
                    <Badge variant="light" color="blue" tt="none">
                      {t("serviceRequests.approvalBadge")}
                    </Badge>
                  )}
                </Group>
              </div>
              <Button
                size="xs"
                onClick={() => setAsking(s)}
                disabled={!unitId}
                aria-label={t("serviceRequests.askNamed", { name: s.name })}
              >
                {t("serviceRequests.ask")}
              </Button>
            </Group>
          </Paper>
        )}
      />
      <Title order={2} size="h4" mt="md">
        {t("serviceRequests.mine")}
      </Title>
      <PagedItems
        query={mine.query}
        page={mine.page}
        onPage={mine.setPage}
        label={t("serviceRequests.mine")}
        empty={
          <Text size="sm" c="dimmed">
            {t("serviceRequests.noneYet")}
          </Text>
        }
        item={(r) => <RequestCard key={r.id} request={r} />}
      />
      {asking && unitId && <RequestModal service={asking} unitId={unitId} onClose={() => setAsking(null)} />}
    </Stack>
  );
}

type RenovationValues = {
  contractor: string;
  contractorPhone: string;
  workers: number | string;
  startsOn: string;
  endsOn: string;
  description: string;
};

function RenovationModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const uploads = useUploads("renovation");
  const day = (v: string) => (parseDay(v) ? null : t("validation.day"));
  const form = useForm<RenovationValues>({
    initialValues: {
      contractor: "",
      contractorPhone: "",
      workers: 2,
      startsOn: "",
      endsOn: "",
      description: "",
    },
    validate: {
      contractor: required,
      contractorPhone: required,
      description: required,
      startsOn: day,
      endsOn: day,
    },
  });
  const send = useMutation({
    mutationFn: (v: RenovationValues) =>
      api.POST(RENOVATIONS_PATH, {
        body: {
          unitId,
          contractor: v.contractor.trim(),
          contractorPhone: v.contractorPhone.trim(),
          workers: Number(v.workers) || 1,
          startsOn: parseDay(v.startsOn) || "",
          endsOn: parseDay(v.endsOn) || "",
          description: v.description.trim(),
          documents: uploads.ids,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [RENOVATIONS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("renovations.register")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => send.mutate(v))}
      submitLabel={t("renovations.send")}
      pending={send.isPending || uploads.busy}
      error={send.error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("renovations.contractor")}
          maxLength={120}
          data-autofocus
          {...form.getInputProps("contractor")}
        />
        <TextInput
          label={t("renovations.contractorPhone")}
          inputMode="tel"
          maxLength={20}
          {...form.getInputProps("contractorPhone")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t("renovations.startsOn")}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          {...form.getInputProps("startsOn")}
        />
        <TextInput
          label={t("renovations.endsOn")}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          {...form.getInputProps("endsOn")}
        />
        <NumberInput
          label={t("renovations.workers")}
          min={1}
          max={50}
          allowDecimal={false}
          {...form.getInputProps("workers")}
        />
      </SimpleGrid>
      <Textarea
        label={t("renovations.description")}
        autosize
        minRows={3}
        maxLength={2000}
        {...form.getInputProps("description")}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("renovations.drawings")}
        </Text>
        <AttachmentPicker
          uploads={uploads}
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
          label={t("renovations.addDrawing")}
          max={5}
        />
      </Stack>
    </FormModal>
  );
}

function RenovationCard({ renovation: r }: { renovation: Renovation }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.POST("/renovations/{id}/cancel", { params: { path: { id: r.id } }, body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [RENOVATIONS_PATH] }),
  });
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={700}>{r.contractor}</Text>
          <Text size="xs" c="dimmed">
            {r.unitCode} · {formatDay(r.startsOn)} – {formatDay(r.endsOn)}
          </Text>
        </div>
        <StatusBadge tone={statusTone(r.status)}>{statusText(t, r.status)}</StatusBadge>
      </Group>
      <Text size="sm" mt={4}>
        {r.description}
      </Text>
      {r.deposit > 0 && (
        <Text size="sm" mt={4}>
          {r.status === "completed"
            ? t("renovations.refunded", {
                refunded: formatVnd(r.deposit - r.deducted, i18n.language),
                deposit: formatVnd(r.deposit, i18n.language),
              })
            : t("renovations.depositHeld", { deposit: formatVnd(r.deposit, i18n.language) })}
        </Text>
      )}
      {r.reason && <Text size="sm">{r.reason}</Text>}
      <AttachmentList files={r.documents} urlOf={(fileId) => renovationFileUrl(r.id, fileId)} />
      {r.can.cancel && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          mt="xs"
          onClick={() => cancel.mutate()}
          loading={cancel.isPending}
        >
          {t("renovations.withdraw")}
        </Button>
      )}
      <FormError error={cancel.error} />
    </Paper>
  );
}

/** Đăng ký thi công: the building's working hours, a new registration, and the household's renovations. */
export function RenovationsPage() {
  const { t } = useTranslation();
  const unitId = useChosenUnitId();
  const [registering, setRegistering] = useState(false);
  const mine = usePagedList(RENOVATIONS_PATH, {}, undefined, { unitId });
  return (
    <Stack maw={720} mx="auto" gap="sm">
      {back(t("services.title"))}
      <PageHeader
        title={t("services.renovations")}
        action={
          <Button onClick={() => setRegistering(true)} disabled={!unitId}>
            {t("renovations.register")}
          </Button>
        }
      />
      <Paper withBorder p="md" radius="md" bg="gray.0">
        <Text fw={600} size="sm">
          {t("renovations.rulesTitle")}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>{t("renovations.rules.hours")}</List.Item>
          <List.Item>{t("renovations.rules.noise")}</List.Item>
          <List.Item>{t("renovations.rules.deposit")}</List.Item>
          <List.Item>{t("renovations.rules.inspection")}</List.Item>
        </List>
      </Paper>
      <PagedItems
        query={mine.query}
        page={mine.page}
        onPage={mine.setPage}
        label={t("services.renovations")}
        empty={
          <EmptyState icon={<IconTool size={32} />} variant="light" title={t("renovations.none")} py="lg" />
        }
        item={(r) => <RenovationCard key={r.id} renovation={r} />}
      />
      {registering && unitId && <RenovationModal unitId={unitId} onClose={() => setRegistering(false)} />}
    </Stack>
  );
}
