import {
  Box,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api.js";
import { AttachmentList } from "../../components/Attachments.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { IconTool } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDay, formatVnd, parseDay, vndInputProps } from "../../format.js";
import {
  KINDS,
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
} from "../../services/services.js";
import { useAbilities } from "../access.js";
import { useBuildingFilter } from "../buildings/BuildingFilter.js";
import { useAllBuildings } from "../buildings/buildings.js";

/** Invalidates every list of the page after a change: requests, renovations and the catalogue. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [REQUESTS_PATH, RENOVATIONS_PATH, SERVICES_PATH].map((path) =>
        client.invalidateQueries({ queryKey: [path] }),
      ),
    );
}

type RequestDialog = { kind: "schedule" | "reject"; request: ServiceRequest } | null;

function ScheduleModal({ request, onClose }: { request: ServiceRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [y, m, d] = request.preferredOn.split("-");
  const form = useForm({
    initialValues: { on: `${d}/${m}/${y}`, window: request.window ?? "morning" },
    validate: { on: (v) => (parseDay(v) ? null : t("validation.day")) },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.POST("/service-requests/{id}/schedule", {
        params: { path: { id: request.id } },
        body: { on: parseDay(v.on) || "", window: request.kind === "moving" ? v.window : undefined },
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("serviceDesk.scheduleTitle", { name: request.serviceName, unit: request.unitCode })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("serviceDesk.schedule")}
      pending={save.isPending}
      error={save.error}
    >
      <TextInput
        label={t("serviceDesk.day")}
        placeholder="dd/mm/yyyy"
        data-autofocus
        {...form.getInputProps("on")}
      />
      {request.kind === "moving" && (
        <NativeSelect
          label={t("serviceRequests.window")}
          data={WINDOWS.map((w) => ({ value: w, label: t(`serviceRequests.windows.${w}`) }))}
          {...form.getInputProps("window")}
        />
      )}
    </FormModal>
  );
}

/** A refusal (a request or a renovation) always says why. */
function ReasonModal({
  title,
  onClose,
  send,
}: {
  title: string;
  onClose: () => void;
  send: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm({ initialValues: { reason: "" }, validate: { reason: required } });
  const save = useMutation({
    mutationFn: (v: { reason: string }) => send(v.reason.trim()),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("serviceDesk.reject")}
      pending={save.isPending}
      error={save.error}
      danger
    >
      <Textarea
        label={t("serviceDesk.reason")}
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps("reason")}
      />
    </FormModal>
  );
}

function RequestsTab({ scope, filters }: { scope: { buildingId?: string }; filters: ReactNode }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [params] = useSearchParams();
  const [open, setOpen] = useState(params.get("open") === "true");
  const [dialog, setDialog] = useState<RequestDialog>(null);
  const list = usePagedList(REQUESTS_PATH, { open: open ? "true" : undefined }, undefined, scope);
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "approve" | "complete" | "cancel" }) =>
      action === "approve"
        ? api.POST("/service-requests/{id}/decide", { params: { path: { id } }, body: { approve: true } })
        : action === "complete"
          ? api.POST("/service-requests/{id}/complete", { params: { path: { id } } })
          : api.POST("/service-requests/{id}/cancel", { params: { path: { id } }, body: {} }),
    onSuccess: refresh,
  });
  const columns: Column<ServiceRequest>[] = [
    {
      header: t("serviceDesk.service"),
      cell: (r) => (
        <div>
          <Text size="sm" fw={600}>
            {r.serviceName}
          </Text>
          {r.note && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {r.note}
            </Text>
          )}
        </div>
      ),
    },
    { header: t("serviceDesk.unit"), cell: (r) => r.unitCode },
    {
      header: t("serviceDesk.when"),
      cell: (r) =>
        r.scheduledOn
          ? t("serviceRequests.scheduledFor", { when: whenText(t, r.scheduledOn, r.scheduledWindow) })
          : t("serviceRequests.preferred", { when: whenText(t, r.preferredOn, r.window) }),
    },
    {
      header: t("serviceDesk.status"),
      cell: (r) => (
        <Box w="max-content">
          <StatusBadge tone={statusTone(r.status)}>{statusText(t, r.status)}</StatusBadge>
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.can.decide && (
            <>
              <Button size="xs" onClick={() => act.mutate({ id: r.id, action: "approve" })}>
                {t("serviceDesk.approve")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog({ kind: "reject", request: r })}>
                {t("serviceDesk.reject")}
              </Button>
            </>
          )}
          {r.can.schedule && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: "schedule", request: r })}>
              {t("serviceDesk.schedule")}
            </Button>
          )}
          {r.can.complete && (
            <Button
              size="xs"
              variant="light"
              color="teal"
              onClick={() => act.mutate({ id: r.id, action: "complete" })}
            >
              {t("serviceDesk.complete")}
            </Button>
          )}
          {r.can.cancel && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => act.mutate({ id: r.id, action: "cancel" })}
            >
              {t("serviceDesk.cancel")}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t("serviceDesk.intro")}
      </Text>
      <FormError error={act.error} />
      <PagedTable
        list={list}
        columns={columns}
        label={t("serviceDesk.tabs.requests")}
        minWidth={820}
        filters={
          <Group gap="sm" align="flex-end">
            {filters}
            <Switch
              label={t("serviceDesk.openOnly")}
              checked={open}
              onChange={(e) => setOpen(e.currentTarget.checked)}
              mb={6}
            />
          </Group>
        }
        empty={
          <EmptyState
            icon={<IconTool size={32} />}
            variant="light"
            title={t("serviceDesk.noRequests")}
            py="lg"
          />
        }
      />
      {dialog?.kind === "schedule" && (
        <ScheduleModal request={dialog.request} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "reject" && (
        <ReasonModal
          title={t("serviceDesk.rejectTitle", {
            name: dialog.request.serviceName,
            unit: dialog.request.unitCode,
          })}
          onClose={() => setDialog(null)}
          send={(reason) =>
            api.POST("/service-requests/{id}/decide", {
              params: { path: { id: dialog.request.id } },
              body: { approve: false, reason },
            })
          }
        />
      )}
    </Stack>
  );
}

function ApproveRenovationModal({ renovation, onClose }: { renovation: Renovation; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<{ deposit: number | string }>({ initialValues: { deposit: 5_000_000 } });
  const save = useMutation({
    mutationFn: (v: { deposit: number | string }) =>
      api.POST("/renovations/{id}/decide", {
        params: { path: { id: renovation.id } },
        body: { approve: true, deposit: Number(v.deposit) || 0 },
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("serviceDesk.approveTitle", { unit: renovation.unitCode })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("serviceDesk.approve")}
      pending={save.isPending}
      error={save.error}
    >
      <NumberInput
        label={t("serviceDesk.deposit")}
        description={t("serviceDesk.depositHint")}
        data-autofocus
        {...vndInputProps(i18n.language)}
        {...form.getInputProps("deposit")}
      />
    </FormModal>
  );
}

function InspectModal({ renovation, onClose }: { renovation: Renovation; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<{ note: string; deducted: number | string; reason: string }>({
    initialValues: { note: "", deducted: 0, reason: "" },
    validate: { note: required },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.POST("/renovations/{id}/complete", {
        params: { path: { id: renovation.id } },
        body: {
          note: v.note.trim(),
          deducted: Number(v.deducted) || 0,
          reason: v.reason.trim() || undefined,
        },
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("serviceDesk.inspectTitle", { unit: renovation.unitCode })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("serviceDesk.inspect")}
      pending={save.isPending}
      error={save.error}
    >
      <Textarea
        label={t("serviceDesk.inspectionNote")}
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        {...form.getInputProps("note")}
      />
      <NumberInput
        label={t("serviceDesk.deducted")}
        description={t("serviceDesk.deductedHint")}
        max={renovation.deposit}
        {...vndInputProps(i18n.language)}
        {...form.getInputProps("deducted")}
      />
      {Number(form.values.deducted) > 0 && (
        <TextInput label={t("serviceDesk.reason")} maxLength={500} {...form.getInputProps("reason")} />
      )}
    </FormModal>
  );
}

type RenovationDialog = { kind: "open" | "approve" | "reject" | "inspect"; renovation: Renovation } | null;

function RenovationDrawer({
  renovation: r,
  onClose,
  onAct,
}: {
  renovation: Renovation;
  onClose: () => void;
  onAct: (d: RenovationDialog) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={`${r.unitCode} · ${r.contractor}`}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="xs">
        <StatusBadge tone={statusTone(r.status)}>{statusText(t, r.status)}</StatusBadge>
        <Text size="sm">
          {formatDay(r.startsOn)} – {formatDay(r.endsOn)} · {t("renovations.workers")}: {r.workers}
        </Text>
        <Text size="sm">
          {t("renovations.contractorPhone")}: {r.contractorPhone}
        </Text>
        <Text size="sm">{r.description}</Text>
        <AttachmentList files={r.documents} urlOf={(fileId) => renovationFileUrl(r.id, fileId)} />
        {r.deposit > 0 && (
          <Text size="sm">
            {t("serviceDesk.deposit")}: {formatVnd(r.deposit, i18n.language)}
            {r.deducted > 0 ? ` · ${t("serviceDesk.deducted")}: ${formatVnd(r.deducted, i18n.language)}` : ""}
          </Text>
        )}
        {r.inspectionNote && <Text size="sm">{r.inspectionNote}</Text>}
        {r.reason && <Text size="sm">{r.reason}</Text>}
        <Group gap="xs" mt="sm">
          {r.can.decide && (
            <>
              <Button onClick={() => onAct({ kind: "approve", renovation: r })}>
                {t("serviceDesk.approve")}
              </Button>
              <Button variant="default" onClick={() => onAct({ kind: "reject", renovation: r })}>
                {t("serviceDesk.reject")}
              </Button>
            </>
          )}
          {r.can.complete && (
            <Button onClick={() => onAct({ kind: "inspect", renovation: r })}>
              {t("serviceDesk.inspect")}
            </Button>
          )}
        </Group>
      </Stack>
    </Drawer>
  );
}

function RenovationsTab({ scope, filters }: { scope: { buildingId?: string }; filters: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get("status") ?? "");
  const [dialog, setDialog] = useState<RenovationDialog>(null);
  const list = usePagedList(RENOVATIONS_PATH, { status: status || undefined }, undefined, scope);
  const columns: Column<Renovation>[] = [
    { header: t("serviceDesk.unit"), cell: (r) => r.unitCode },
    {
      header: t("serviceDesk.contractor"),
      cell: (r) => (
        <div>
          <Text size="sm" fw={600}>
            {r.contractor}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {r.description}
          </Text>
        </div>
      ),
    },
    { header: t("serviceDesk.dates"), cell: (r) => `${formatDay(r.startsOn)} – ${formatDay(r.endsOn)}` },
    {
      header: t("serviceDesk.deposit"),
      cell: (r) => (r.deposit > 0 ? formatVnd(r.deposit, i18n.language) : "—"),
      visibleFrom: "md",
    },
    {
      header: t("serviceDesk.status"),
      cell: (r) => (
        <Box w="max-content">
          <StatusBadge tone={statusTone(r.status)}>{statusText(t, r.status)}</StatusBadge>
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (r) => (
        <Button
          size="xs"
          variant="light"
          aria-label={t("serviceDesk.openNamed", { unit: r.unitCode })}
          onClick={() => setDialog({ kind: "open", renovation: r })}
        >
          {t("serviceDesk.open")}
        </Button>
      ),
    },
  ];
  const close = () => setDialog(null);
  return (
    <Stack>
      <PagedTable
        list={list}
        columns={columns}
        label={t("serviceDesk.tabs.renovations")}
        minWidth={820}
        onOpen={(r) => setDialog({ kind: "open", renovation: r })}
        filters={
          <Group gap="sm" align="flex-end">
            {filters}
            <NativeSelect
              label={t("serviceDesk.status")}
              data={[
                { value: "", label: t("common.all") },
                ...(["requested", "approved", "completed", "rejected", "cancelled"] as const).map((s) => ({
                  value: s,
                  label: statusText(t, s),
                })),
              ]}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              w={{ base: "100%", xs: 200 }}
            />
          </Group>
        }
        empty={
          <EmptyState
            icon={<IconTool size={32} />}
            variant="light"
            title={t("serviceDesk.noRenovations")}
            py="lg"
          />
        }
      />
      {dialog?.kind === "open" && (
        <RenovationDrawer renovation={dialog.renovation} onClose={close} onAct={setDialog} />
      )}
      {dialog?.kind === "approve" && (
        <ApproveRenovationModal renovation={dialog.renovation} onClose={close} />
      )}
      {dialog?.kind === "inspect" && <InspectModal renovation={dialog.renovation} onClose={close} />}
      {dialog?.kind === "reject" && (
        <ReasonModal
          title={t("serviceDesk.rejectTitle", {
            name: dialog.renovation.contractor,
            unit: dialog.renovation.unitCode,
          })}
          onClose={close}
          send={(reason) =>
            api.POST("/renovations/{id}/decide", {
              params: { path: { id: dialog.renovation.id } },
              body: { approve: false, reason },
            })
          }
        />
      )}
    </Stack>
  );
}

type ServiceValues = {
  buildingId: string;
  kind: Service["kind"];
  name: string;
  description: string;
  fee: number | string;
  needsApproval: boolean;
  active: boolean;
};

function ServiceFormModal({ service, onClose }: { service?: Service; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const buildings = useAllBuildings();
  const firstBuilding = buildings.data?.items[0]?.id ?? "";
  const form = useForm<ServiceValues>({
    initialValues: {
      buildingId: service?.buildingId ?? "",
      kind: service?.kind ?? "cleaning",
      name: service?.name ?? "",
      description: service?.description ?? "",
      fee: service?.fee ?? 0,
      needsApproval: service?.needsApproval ?? true,
      active: service?.active ?? true,
    },
    validate: { name: required },
  });
  const save = useMutation({
    mutationFn: (v: ServiceValues) => {
      const body = {
        kind: v.kind,
        name: v.name.trim(),
        description: v.description.trim() || undefined,
        fee: Number(v.fee) || 0,
        needsApproval: v.needsApproval,
        active: v.active,
      };
      return service
        ? api.PATCH("/services/{id}", { params: { path: { id: service.id } }, body })
        : api.POST(SERVICES_PATH, { body: { ...body, buildingId: v.buildingId || firstBuilding } });
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={service ? t("common.editNamed", { name: service.name }) : t("serviceDesk.addService")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
    >
      <TextInput
        label={t("serviceDesk.name")}
        maxLength={80}
        data-autofocus
        {...form.getInputProps("name")}
      />
      <Group grow>
        <NativeSelect
          label={t("serviceDesk.kind")}
          data={KINDS.map((k) => ({ value: k, label: t(`serviceRequests.kinds.${k}`) }))}
          {...form.getInputProps("kind")}
        />
        <NumberInput
          label={t("serviceDesk.fee")}
          {...vndInputProps(i18n.language)}
          {...form.getInputProps("fee")}
        />
      </Group>
      {!service && (buildings.data?.items.length ?? 0) > 1 && (
        <NativeSelect
          label={t("serviceDesk.building")}
          data={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          {...form.getInputProps("buildingId")}
          value={form.values.buildingId || firstBuilding}
        />
      )}
      <Textarea
        label={t("serviceDesk.description")}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps("description")}
      />
      <Switch
        label={t("serviceDesk.needsApproval")}
        {...form.getInputProps("needsApproval", { type: "checkbox" })}
      />
      <Switch label={t("serviceDesk.active")} {...form.getInputProps("active", { type: "checkbox" })} />
    </FormModal>
  );
}

function CatalogueTab({ scope, filters }: { scope: { buildingId?: string }; filters: ReactNode }) {
  const { t, i18n } = useTranslation();
  const manages = useAbilities()("service", "update");
  const [editing, setEditing] = useState<{ service?: Service } | null>(null);
  const list = usePagedList(SERVICES_PATH, {}, undefined, scope);
  const columns: Column<Service>[] = [
    {
      header: t("serviceDesk.name"),
      cell: (s) => (
        <div>
          <Text size="sm" fw={600}>
            {s.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`serviceRequests.kinds.${s.kind}`)}
          </Text>
        </div>
      ),
    },
    {
      header: t("serviceDesk.fee"),
      cell: (s) => (s.fee > 0 ? formatVnd(s.fee, i18n.language) : t("serviceRequests.freeShort")),
    },
    {
      header: t("serviceDesk.needsApproval"),
      cell: (s) => (s.needsApproval ? t("serviceRequests.approvalBadge") : "—"),
      visibleFrom: "md",
    },
    {
      header: t("serviceDesk.status"),
      cell: (s) => (
        <Box w="max-content">
          <StatusBadge tone={s.active ? "positive" : "inactive"}>
            {s.active ? t("serviceDesk.activeBadge") : t("serviceDesk.inactiveBadge")}
          </StatusBadge>
        </Box>
      ),
    },
    {
      header: t("common.actions"),
      cell: (s) =>
        s.can.update && (
          <Button
            size="xs"
            variant="light"
            aria-label={t("common.editNamed", { name: s.name })}
            onClick={() => setEditing({ service: s })}
          >
            {t("common.edit")}
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t("serviceDesk.catalogueIntro")}
        </Text>
        {manages && <Button onClick={() => setEditing({})}>{t("serviceDesk.addService")}</Button>}
      </Group>
      <PagedTable
        list={list}
        columns={columns}
        label={t("serviceDesk.tabs.catalogue")}
        minWidth={720}
        filters={filters}
        empty={
          <EmptyState
            icon={<IconTool size={32} />}
            variant="light"
            title={t("serviceDesk.noServices")}
            py="lg"
          />
        }
      />
      {editing && <ServiceFormModal service={editing.service} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** Dịch vụ (console): residents' service requests, renovations to approve and inspect, and the catalogue. */
export default function ServicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "requests";
  const { buildingId, filter: filters } = useBuildingFilter(t("serviceDesk.building"));
  const scope = { buildingId: buildingId || undefined };
  return (
    <Stack gap={0}>
      <PageHeader title={t("nav.services")} />
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams((p) => {
            p.set("tab", v ?? "requests");
            return p;
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="requests">{t("serviceDesk.tabs.requests")}</Tabs.Tab>
          <Tabs.Tab value="renovations">{t("serviceDesk.tabs.renovations")}</Tabs.Tab>
          <Tabs.Tab value="catalogue">{t("serviceDesk.tabs.catalogue")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md">
          <RequestsTab scope={scope} filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="renovations" pt="md">
          <RenovationsTab scope={scope} filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue" pt="md">
          <CatalogueTab scope={scope} filters={filters} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
