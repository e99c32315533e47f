import { Alert, Button, Group, List, SimpleGrid, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { useSignedInMe } from "../../auth/session.js";
import { Fact } from "../../components/Fact.js";
import { FormError } from "../../components/forms.js";
import { useRoleLabel } from "../../components/roles.js";
import { formatDate, formatDateTime } from "../../format.js";
import { DetailDrawer, QueryView } from "./parts.js";
import { type PrivacyRequest, REQUESTS_PATH, usePrivacyWords } from "./privacy.js";
import { isOpenRequest, RequestClock, RequestStatusBadge } from "./RequestParts.js";
import { TextModal } from "./TextModal.js";

type Erasure = NonNullable<PrivacyRequest["outcome"]>;

/** What an erasure removed, and what it kept, why and until when. */
function ErasureOutcome({ outcome }: { outcome: Erasure }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("privacyRequests.outcome", { at: formatDateTime(outcome.executedAt) })}
      </Title>
      <Text size="sm" fw={500}>
        {t("privacyRequests.erased")}
      </Text>
      {outcome.erased.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        <List size="sm">
          {outcome.erased.map((what) => (
            <List.Item key={what}>{what}</List.Item>
          ))}
        </List>
      )}
      {outcome.kept.length > 0 && (
        <Table withTableBorder aria-label={t("privacyRequests.kept")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("privacyRequests.kept")}</Table.Th>
              <Table.Th scope="col">{t("privacyRequests.keptReason")}</Table.Th>
              <Table.Th scope="col">{t("privacyRequests.keptUntil")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcome.kept.map((kept) => (
              <Table.Tr key={kept.what}>
                <Table.Td>{kept.what}</Table.Td>
                <Table.Td>{kept.reason}</Table.Td>
                <Table.Td>{kept.until ? formatDate(kept.until) : t("privacyRequests.whileHeld")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Who did what to the request, oldest first. */
function Trail({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <Timeline bulletSize={12} lineWidth={2} active={request.trail.length}>
      {request.trail.map((event, index) => (
        <Timeline.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: the trail is read whole and two events may share a time
          key={index}
          title={t(`privacyRequests.events.${event.event}` as "privacyRequests.events.created", {
            defaultValue: event.event,
          })}
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at)}
            {event.actorName && ` · ${event.actorName}`}
            {event.actorRole && ` (${roleLabel(event.actorRole)})`}
          </Text>
          {event.note && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {event.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

type Dialog = "note" | "complete" | "reject";

function RequestBody({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const open = isOpenRequest(request);
  const mine = request.handler?.accountId === me.account.id;

  const refresh = async (updated: PrivacyRequest) => {
    queryClient.setQueryData([REQUESTS_PATH, request.id], updated);
    await queryClient.invalidateQueries({ queryKey: [REQUESTS_PATH] });
  };
  const params = { path: { id: request.id } };
  const act = (action: "complete" | "reject") => async (resolution: string) =>
    refresh(await api.POST(`/privacy/requests/{id}/${action}`, { params, body: { resolution } }));
  const take = useMutation({
    mutationFn: () => api.POST("/privacy/requests/{id}/take", { params: { path: { id: request.id } } }),
    onSuccess: refresh,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <RequestStatusBadge status={request.status} />
        {open && (
          <Group gap="sm">
            {!mine && (
              <Button variant="default" loading={take.isPending} onClick={() => take.mutate()}>
                {t("privacyRequests.take")}
              </Button>
            )}
            <Button variant="default" onClick={() => setDialog("note")}>
              {t("privacyRequests.addNote")}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => setDialog("reject")}>
              {t("privacyRequests.reject")}
            </Button>
            <Button onClick={() => setDialog("complete")}>{t("privacyRequests.complete")}</Button>
          </Group>
        )}
      </Group>
      <FormError error={take.error} />
      {request.escalatedAt && open && (
        <Alert color="red" variant="light">
          {t("privacyRequests.escalated", { at: formatDateTime(request.escalatedAt) })}
        </Alert>
      )}
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm" m={0}>
        <Fact label={t("privacyRequests.resident")}>{request.residentName}</Fact>
        <Fact label={t("privacyRequests.kind")}>{words.kind(request.kind)}</Fact>
        <Fact label={t("privacyRequests.channel")}>{words.channel(request.channel)}</Fact>
        <Fact label={t("common.createdAt")}>{formatDateTime(request.createdAt)}</Fact>
        <Fact label={t("privacyRequests.due")}>
          <RequestClock request={request} />
        </Fact>
        <Fact label={t("privacyRequests.handler")}>
          {request.handler?.name ?? t("privacyRequests.noHandler")}
        </Fact>
        {request.closedAt && (
          <Fact label={t("privacyRequests.closedAt")}>{formatDateTime(request.closedAt)}</Fact>
        )}
      </SimpleGrid>
      <Stack component="dl" gap="md" m={0}>
        <Fact label={t("privacyRequests.details")}>
          <Text span style={{ whiteSpace: "pre-wrap" }}>
            {request.details || t("privacyRequests.noDetails")}
          </Text>
        </Fact>
        {request.resolution && (
          <Fact label={t("privacyRequests.resolution")}>
            <Text span style={{ whiteSpace: "pre-wrap" }}>
              {request.resolution}
            </Text>
          </Fact>
        )}
      </Stack>
      {request.outcome && <ErasureOutcome outcome={request.outcome} />}
      <Title order={3} size="h5">
        {t("privacyRequests.trail")}
      </Title>
      <Trail request={request} />

      {dialog === "note" && (
        <TextModal
          title={t("privacyRequests.addNote")}
          label={t("privacyRequests.note")}
          description={t("privacyRequests.noteHint")}
          submitLabel={t("privacyRequests.addNote")}
          field="note"
          send={async (note) =>
            refresh(await api.POST("/privacy/requests/{id}/notes", { params, body: { note } }))
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "complete" && (
        <TextModal
          title={t("privacyRequests.completeTitle")}
          label={t("privacyRequests.resolution")}
          description={
            request.kind === "erasure"
              ? t("privacyRequests.completeErasureHint")
              : t("privacyRequests.completeHint")
          }
          submitLabel={t("privacyRequests.complete")}
          field="resolution"
          send={act("complete")}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "reject" && (
        <TextModal
          title={t("privacyRequests.rejectTitle")}
          label={t("privacyRequests.rejectReason")}
          description={t("privacyRequests.rejectHint")}
          submitLabel={t("privacyRequests.reject")}
          field="resolution"
          send={act("reject")}
          onClose={() => setDialog(null)}
          danger
        />
      )}
    </Stack>
  );
}

/** One request: its facts and clock, what an erasure did, the trail, and what the handler can do next. */
export function RequestDrawer({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const query = useQuery({
    queryKey: [REQUESTS_PATH, requestId],
    queryFn: () => api.GET("/privacy/requests/{id}", { params: { path: { id: requestId } } }),
  });
  const title = query.data
    ? t("privacyRequests.drawerTitle", { kind: words.kind(query.data.kind), name: query.data.residentName })
    : t("privacyRequests.drawer");
  return (
    <DetailDrawer title={title} onClose={onClose}>
      <QueryView query={query}>{(request) => <RequestBody request={request} />}</QueryView>
    </DetailDrawer>
  );
}
