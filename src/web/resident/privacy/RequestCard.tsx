import { Badge, Button, Collapse, Group, List, Paper, Stack, Text, Timeline } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { ErasureOutcome } from "../../../contracts/index.js";
import { useRoleLabel } from "../../components/roles.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDate, formatDateTime } from "../../format.js";
import type { PrivacyRequest } from "./privacy.js";
import { REQUEST_TONES, usePrivacyWords } from "./words.js";

function Outcome({ outcome }: { outcome: ErasureOutcome }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t("dataRequests.outcome.executed", { date: formatDateTime(outcome.executedAt) })}
      </Text>
      {outcome.erased.length > 0 && (
        <div>
          <Text size="sm">{t("dataRequests.outcome.erased")}</Text>
          <List size="sm">
            {outcome.erased.map((what) => (
              <List.Item key={what}>{what}</List.Item>
            ))}
          </List>
        </div>
      )}
      {outcome.kept.length > 0 && (
        <div>
          <Text size="sm">{t("dataRequests.outcome.kept")}</Text>
          <List size="sm">
            {outcome.kept.map((kept) => (
              <List.Item key={kept.what}>
                {kept.what} — {kept.reason}{" "}
                <Text span size="sm" c="dimmed">
                  (
                  {kept.until
                    ? t("dataRequests.outcome.until", { date: formatDate(kept.until) })
                    : t("dataRequests.outcome.whileHeld")}
                  )
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}

/** One request: kind, state and deadline; the steps so far and the result on demand. */
export function RequestCard({ request, onCancel }: { request: PrivacyRequest; onCancel: () => void }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const roleLabel = useRoleLabel();
  const [opened, { toggle }] = useDisclosure(false);
  const trailId = `request-${request.id}-trail`;
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={700}>{words.kind(request.kind)}</Text>
          <StatusBadge tone={REQUEST_TONES[request.status]}>{words.status(request.status)}</StatusBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {t("dataRequests.sentOn", { date: formatDate(request.createdAt) })}
          {" · "}
          {request.closedAt
            ? t("dataRequests.closedOn", { date: formatDate(request.closedAt) })
            : t("dataRequests.dueBy", { date: formatDate(request.dueAt) })}
        </Text>
        {request.overdue && !request.closedAt && (
          <Badge color="red.9" variant="filled" tt="none" radius="sm" w="fit-content">
            {t("dataRequests.overdue")}
          </Badge>
        )}
        {request.details && <Text size="sm">{request.details}</Text>}
        {request.resolution && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t("dataRequests.resolution")}:
            </Text>{" "}
            {request.resolution}
          </Text>
        )}
        {request.status === "completed" && request.outcome && <Outcome outcome={request.outcome} />}
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={trailId}
          >
            {opened ? t("dataRequests.hideTrail") : t("dataRequests.showTrail")}
          </Button>
          {request.status === "open" && (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              onClick={onCancel}
              aria-label={t("dataRequests.cancelNamed", { kind: words.kind(request.kind) })}
            >
              {t("dataRequests.cancel")}
            </Button>
          )}
        </Group>
        <Collapse expanded={opened} id={trailId}>
          <Timeline bulletSize={12} lineWidth={2} mt="xs">
            {request.trail.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no ids and two may share a time
              <Timeline.Item key={index} title={words.event(step.event)}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(step.at)}
                  {step.actorName && ` · ${step.actorName}`}
                  {step.actorRole && ` (${roleLabel(step.actorRole)})`}
                </Text>
                {step.note && <Text size="sm">{step.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Collapse>
      </Stack>
    </Paper>
  );
}
