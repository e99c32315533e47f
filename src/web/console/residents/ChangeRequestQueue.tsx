import { Button, Group, Table, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { showFieldErrors } from "../../components/forms.js";
import { formatDateTime, formatDay } from "../../format.js";
import {
  CHANGE_REQUESTS_PATH,
  type ChangeRequest,
  changeQueueKey,
  invalidateChangeRequests,
  useChangeWords,
} from "../../registry/changeRequests.js";
import { invalidateHousehold } from "../../registry/registry.js";
import { invalidateUnits } from "../units/units.js";
import { QueueSection } from "./QueueSection.js";

type Decision = { request: ChangeRequest; verdict: "approve" | "reject" };

/** Approves or rejects a request, with a note for the owner; approving refreshes units and households. */
function DecisionModal({ decision, onClose }: { decision: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useChangeWords();
  const queryClient = useQueryClient();
  const { request, verdict } = decision;
  const form = useForm({ initialValues: { note: "" } });
  const decide = useMutation({
    mutationFn: (note: string) =>
      api.POST(`/change-requests/{id}/${verdict}`, {
        params: { path: { id: request.id } },
        body: { note: note.trim() || undefined },
      }),
    onSuccess: async () => {
      await Promise.all([
        invalidateChangeRequests(queryClient),
        verdict === "approve" && invalidateUnits(queryClient),
        verdict === "approve" && invalidateHousehold(queryClient),
      ]);
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const code = request.unitCode;
  const text =
    verdict === "reject"
      ? t("changeRequests.rejectText", { kind: words.kind(request.kind).toLowerCase(), code })
      : request.kind === "area"
        ? t("changeRequests.approveArea", {
            code,
            current: words.area(request.currentAreaM2),
            proposed: request.proposedAreaM2 === null ? "—" : words.area(request.proposedAreaM2),
          })
        : t("changeRequests.approveOwnership", {
            code,
            name: request.newOwnerName ?? "—",
            date: request.transferOn ? formatDay(request.transferOn) : "—",
          });
  return (
    <FormModal
      title={verdict === "approve" ? t("changeRequests.approveTitle") : t("changeRequests.rejectTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => decide.mutate(values.note))}
      submitLabel={verdict === "approve" ? t("changeRequests.approve") : t("changeRequests.reject")}
      pending={decide.isPending}
      error={decide.error}
      danger={verdict === "reject"}
    >
      <Text>{text}</Text>
      {request.note && (
        <Text size="sm" c="dimmed">
          {t("changeRequests.noteLine", { note: request.note })}
        </Text>
      )}
      <Textarea
        label={verdict === "approve" ? t("changeRequests.approveNote") : t("changeRequests.rejectNote")}
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps("note")}
      />
    </FormModal>
  );
}

/** Owners' requests to change a unit's area or owner, pending in the buildings the staff member covers. */
export function ChangeRequestQueue() {
  const { t } = useTranslation();
  const words = useChangeWords();
  const [decision, setDecision] = useState<Decision | null>(null);
  const queue = useQuery({
    queryKey: changeQueueKey,
    queryFn: () => api.GET(CHANGE_REQUESTS_PATH),
  });

  return (
    <QueueSection
      id="pending-changes"
      title={t("changeRequests.queueTitle")}
      empty={t("changeRequests.queueEmpty")}
      query={queue}
      minWidth={640}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t("changeRequests.unit")}</Table.Th>
          <Table.Th scope="col">{t("changeRequests.kind")}</Table.Th>
          <Table.Th scope="col">{t("changeRequests.change")}</Table.Th>
          <Table.Th scope="col">{t("changeRequests.sentAt")}</Table.Th>
          <Table.Th scope="col">{t("common.actions")}</Table.Th>
        </Table.Tr>
      }
      row={(request) => {
        const named = { kind: words.kind(request.kind).toLowerCase(), code: request.unitCode };
        return (
          <Table.Tr key={request.id}>
            <Table.Td>{request.unitCode}</Table.Td>
            <Table.Td>{words.kind(request.kind)}</Table.Td>
            <Table.Td>
              {words.change(request)}
              {request.note && (
                <Text size="sm" c="dimmed">
                  {t("changeRequests.noteLine", { note: request.note })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDateTime(request.createdAt)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  onClick={() => setDecision({ request, verdict: "approve" })}
                  aria-label={t("changeRequests.approveNamed", named)}
                >
                  {t("changeRequests.approve")}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setDecision({ request, verdict: "reject" })}
                  aria-label={t("changeRequests.rejectNamed", named)}
                >
                  {t("changeRequests.reject")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      }}
    >
      {decision && <DecisionModal decision={decision} onClose={() => setDecision(null)} />}
    </QueueSection>
  );
}
