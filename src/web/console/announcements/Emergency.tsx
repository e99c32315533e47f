import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Drawer,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { useBuilding } from "../buildings/buildings.js";
import { ANNOUNCEMENTS_PATH } from "./announcements.js";

type Values = { title: string; body: string; blocks: string[]; confirmed: boolean };

/**
 * Cảnh báo khẩn cấp: one action, confirmed twice (the box here, then the password if not typed lately), that
 * sends on every channel at once; the report opens as soon as it is sent.
 */
export function EmergencyModal({
  buildingId,
  onClose,
  onSent,
}: {
  buildingId: string;
  onClose: () => void;
  onSent: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const building = useBuilding(buildingId);
  const form = useForm<Values>({
    initialValues: { title: "", body: "", blocks: [], confirmed: false },
    validate: {
      title: required,
      body: required,
      confirmed: (value) => (value ? null : t("validation.required")),
    },
  });
  const send = useMutation({
    mutationFn: (v: Values) =>
      api.POST("/buildings/{id}/emergency", {
        params: { path: { id: buildingId } },
        body: { title: v.title.trim(), body: v.body.trim(), blocks: v.blocks },
      }),
    onSuccess: async (report) => {
      await queryClient.invalidateQueries({ queryKey: [ANNOUNCEMENTS_PATH] });
      onSent(report.id);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const blocks = building.data?.blocks ?? [];
  return (
    <FormModal
      title={t("announcements.emergencyTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => send.mutate(v))}
      submitLabel={t("announcements.emergencySend")}
      pending={send.isPending}
      error={send.error}
      danger
      size="lg"
    >
      <Alert color="red" variant="light">
        {t("announcements.emergencyHint")}
      </Alert>
      <TextInput
        label={t("announcements.titleLabel")}
        maxLength={200}
        data-autofocus
        {...form.getInputProps("title")}
      />
      <Textarea
        label={t("announcements.body")}
        autosize
        minRows={3}
        maxLength={1000}
        {...form.getInputProps("body")}
      />
      {blocks.length > 1 && (
        <Chip.Group multiple {...form.getInputProps("blocks")}>
          <Group gap="xs" role="group" aria-label={t("announcements.emergencyBlocks")}>
            <Text size="sm" fw={600}>
              {t("announcements.emergencyBlocks")}
            </Text>
            {blocks.map((b) => (
              <Chip key={b.name} value={b.name}>
                {b.name}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      <Checkbox
        label={t("announcements.emergencyConfirm")}
        {...form.getInputProps("confirmed", { type: "checkbox" })}
      />
    </FormModal>
  );
}

/** The delivery report of an emergency, read again every two seconds while anything is still being sent. */
export function EmergencyReport({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const report = useQuery({
    queryKey: [ANNOUNCEMENTS_PATH, id, "deliveries"],
    queryFn: () => api.GET("/announcements/{id}/deliveries", { params: { path: { id } } }),
    refetchInterval: (query) => (query.state.data?.done ? false : 2000),
  });
  const resend = useMutation({
    mutationFn: () => api.POST("/announcements/{id}/deliveries/resend", { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ANNOUNCEMENTS_PATH, id, "deliveries"] }),
  });
  const r = report.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t("announcements.report")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <FormError error={report.error ?? resend.error} />
      {r && (
        <Stack>
          <Text fw={700}>{r.title}</Text>
          <Text role="status" aria-live="polite">
            {t("announcements.reportPeople", { reached: r.reached, people: r.people })} ·{" "}
            {r.done ? t("announcements.allDone") : t("announcements.sending")}
          </Text>
          <Table withTableBorder aria-label={t("announcements.report")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("announcements.channel")}</Table.Th>
                <Table.Th>{t("announcements.sentN")}</Table.Th>
                <Table.Th>{t("announcements.failedN")}</Table.Th>
                <Table.Th>{t("announcements.queuedN")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.channels.map((c) => (
                <Table.Tr key={c.channel}>
                  <Table.Td>{t(`announcements.channels.${c.channel}`)}</Table.Td>
                  <Table.Td>{c.sent}</Table.Td>
                  <Table.Td>{c.failed}</Table.Td>
                  <Table.Td>{c.queued}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {r.notReached.length > 0 && (
            <>
              <Text fw={600}>{t("announcements.notReached")}</Text>
              <Table withTableBorder aria-label={t("announcements.notReached")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("announcements.unitCol")}</Table.Th>
                    <Table.Th>{t("announcements.channel")}</Table.Th>
                    <Table.Th>{t("announcements.reason")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.notReached.map((n) => (
                    <Table.Tr key={`${n.unitCode}-${n.channel}-${n.error}`}>
                      <Table.Td>{n.unitCode}</Table.Td>
                      <Table.Td>{t(`announcements.channels.${n.channel}`)}</Table.Td>
                      <Table.Td>{n.error}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Group>
            {r.channels.some((c) => c.channel !== "in_app" && c.channel !== "none" && c.failed > 0) && (
              <Button variant="default" loading={resend.isPending} onClick={() => resend.mutate()}>
                {t("announcements.resend")}
              </Button>
            )}
            <Button
              variant="default"
              component="a"
              href={`/api/v1/announcements/${id}/deliveries/export`}
              download
            >
              {t("announcements.exportReport")}
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
