import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { Fact } from "../../components/Fact.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, showFieldErrors } from "../../components/forms.js";
import { PageNav } from "../../components/PageNav.js";
import { formatDateTime } from "../../format.js";
import { BreachClock, SeverityBadge } from "./BreachParts.js";
import { DetailDrawer, DownloadButton, QueryView } from "./parts.js";
import {
  BREACH_STATUSES,
  BREACHES_PATH,
  type Breach,
  type BreachStatus,
  CLOCKS_PATH,
  type NotifyResult,
  usePrivacyWords,
} from "./privacy.js";
import { TextModal } from "./TextModal.js";

const AFFECTED_PAGE_SIZE = 20;

/** After any change to an incident: the list, the open incident and the banner's clocks. */
function useSaveBreach(id: string) {
  const queryClient = useQueryClient();
  return async (breach: Breach) => {
    queryClient.setQueryData([BREACHES_PATH, id], breach);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [BREACHES_PATH] }),
      queryClient.invalidateQueries({ queryKey: [CLOCKS_PATH] }),
    ]);
  };
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The people the incident's scope reaches, a page at a time. */
function AffectedList({ breach }: { breach: Breach }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const params = { page, pageSize: AFFECTED_PAGE_SIZE };
  const query = useQuery({
    queryKey: [BREACHES_PATH, breach.id, "affected", params],
    queryFn: () =>
      api.GET("/privacy/breaches/{id}/affected", { params: { path: { id: breach.id }, query: params } }),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <Text size="sm">{t("breaches.noAffected")}</Text>
        ) : (
          <Stack gap="xs">
            <Table striped withTableBorder aria-label={t("breaches.affectedList")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("breaches.person")}</Table.Th>
                  <Table.Th scope="col">{t("breaches.units")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((person) => (
                  <Table.Tr key={person.residentId}>
                    <Table.Td>{person.name}</Table.Td>
                    <Table.Td>{person.units.join(", ") || "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <PageNav total={data.total} pageSize={data.pageSize} page={page} onChange={setPage} size="sm" />
          </Stack>
        )
      }
    </QueryView>
  );
}

/** Records that the report went to the Ministry of Public Security, with the dispatch's reference if any. */
function AuthorityModal({ breach, onClose }: { breach: Breach; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBreach(breach.id);
  const form = useForm({ initialValues: { reference: "" } });
  const record = useMutation({
    mutationFn: (values: { reference: string }) =>
      api.POST("/privacy/breaches/{id}/authority-notified", {
        params: { path: { id: breach.id } },
        body: {
          reference: values.reference.trim() || undefined,
        },
      }),
    onSuccess: async (updated) => {
      await save(updated);
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("breaches.authorityTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => record.mutate(values))}
      submitLabel={t("breaches.authorityDone")}
      pending={record.isPending}
      error={record.error}
      zIndex={400}
    >
      <Text size="sm">{t("breaches.authorityText")}</Text>
      <TextInput
        label={t("breaches.authorityReference")}
        description={t("breaches.authorityReferenceHint")}
        maxLength={200}
        data-autofocus
        {...form.getInputProps("reference")}
      />
    </FormModal>
  );
}

type Dialog = "step" | "authority" | "notify";

function BreachBody({ breach, fetchedAt }: { breach: Breach; fetchedAt: number }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const save = useSaveBreach(breach.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notified, setNotified] = useState<NotifyResult | null>(null);
  const status = useMutation({
    mutationFn: (value: BreachStatus) =>
      api.PATCH("/privacy/breaches/{id}", { params: { path: { id: breach.id } }, body: { status: value } }),
    onSuccess: save,
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <SeverityBadge severity={breach.severity} />
        <NativeSelect
          label={t("common.status")}
          data={BREACH_STATUSES.map((value) => ({ value, label: words.breachStatus(value) }))}
          value={breach.status}
          disabled={status.isPending}
          onChange={(event) => status.mutate(event.currentTarget.value as BreachStatus)}
          w={200}
        />
      </Group>
      <FormError error={status.error} />
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t("breaches.deadline", { at: formatDateTime(breach.clock.deadlineAt) })}
        </Text>
        <BreachClock breach={breach} fetchedAt={fetchedAt} size="xl" />
      </Paper>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm" m={0}>
        <Fact label={t("breaches.detectedAt")}>{formatDateTime(breach.detectedAt)}</Fact>
        <Fact label={t("breaches.recordedAt")}>{formatDateTime(breach.createdAt)}</Fact>
        <Fact label={t("breaches.affected")}>{breach.affectedCount}</Fact>
      </SimpleGrid>
      <Stack component="dl" gap="sm" m={0}>
        <Fact label={t("breaches.description")}>
          <Text span style={{ whiteSpace: "pre-wrap" }}>
            {breach.description}
          </Text>
        </Fact>
        <Fact label={t("breaches.fields")}>
          <Group gap={6} component="span">
            {breach.fields.map((field) => (
              <Badge key={field} variant="outline" color="gray.8" tt="none">
                {words.field(field)}
              </Badge>
            ))}
          </Group>
        </Fact>
      </Stack>

      <Part title={t("breaches.authority")}>
        <Group gap="sm" align="flex-start">
          <DownloadButton
            file={() =>
              api.download("/privacy/breaches/{id}/report.pdf", { params: { path: { id: breach.id } } })
            }
          >
            {t("breaches.reportPdf")}
          </DownloadButton>
          {!breach.authorityNotifiedAt && (
            <Button onClick={() => setDialog("authority")}>{t("breaches.authorityDone")}</Button>
          )}
        </Group>
        {breach.authorityNotifiedAt && (
          <Text size="sm" c="teal.9">
            {breach.authorityReference
              ? t("breaches.authoritySentRef", {
                  at: formatDateTime(breach.authorityNotifiedAt),
                  reference: breach.authorityReference,
                })
              : t("breaches.authoritySent", { at: formatDateTime(breach.authorityNotifiedAt) })}
          </Text>
        )}
      </Part>

      <Part title={t("breaches.residents")}>
        {breach.residentsNotifiedAt ? (
          <Text size="sm" c="teal.9">
            {t("breaches.residentsSent", {
              at: formatDateTime(breach.residentsNotifiedAt),
              count: breach.residentsNotified,
            })}
          </Text>
        ) : (
          <Group>
            <Button onClick={() => setDialog("notify")} disabled={breach.affectedCount === 0}>
              {t("breaches.notify")}
            </Button>
          </Group>
        )}
        {notified && (
          <Alert color="teal" variant="light" role="status">
            {t("breaches.notifyResult", notified)}
          </Alert>
        )}
      </Part>

      <Part title={t("breaches.containment")}>
        {breach.containment.length === 0 ? (
          <Text size="sm">{t("breaches.noSteps")}</Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={breach.containment.length}>
            {breach.containment.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are only ever appended
              <Timeline.Item key={index} title={step.step}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(step.at)}
                  {step.by && ` · ${step.by}`}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        <Group>
          <Button variant="default" onClick={() => setDialog("step")}>
            {t("breaches.addStep")}
          </Button>
        </Group>
      </Part>

      <Part title={t("breaches.affectedList")}>
        <AffectedList breach={breach} />
      </Part>

      {dialog === "step" && (
        <TextModal
          title={t("breaches.addStep")}
          label={t("breaches.step")}
          description={t("breaches.stepHint")}
          submitLabel={t("breaches.addStep")}
          field="step"
          minLength={3}
          send={async (step) =>
            save(
              await api.POST("/privacy/breaches/{id}/containment", {
                params: { path: { id: breach.id } },
                body: { step },
              }),
            )
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "authority" && <AuthorityModal breach={breach} onClose={() => setDialog(null)} />}
      {dialog === "notify" && (
        <ConfirmModal
          title={t("breaches.notifyTitle")}
          confirmLabel={t("breaches.notifySubmit")}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            setNotified(
              await api.POST("/privacy/breaches/{id}/notify-residents", {
                params: { path: { id: breach.id } },
              }),
            );
            await save(await api.GET("/privacy/breaches/{id}", { params: { path: { id: breach.id } } }));
          }}
        >
          {t("breaches.notifyConfirm", { count: breach.affectedCount })}
        </ConfirmModal>
      )}
    </Stack>
  );
}

/** One incident: its clock, scope, what was done to contain it, the report, and the residents' notice. */
export function BreachDrawer({ breachId, onClose }: { breachId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [BREACHES_PATH, breachId],
    queryFn: () => api.GET("/privacy/breaches/{id}", { params: { path: { id: breachId } } }),
  });
  return (
    <DetailDrawer title={query.data?.title ?? t("breaches.incident")} onClose={onClose}>
      <QueryView query={query}>
        {(breach) => <BreachBody breach={breach} fetchedAt={query.dataUpdatedAt} />}
      </QueryView>
    </DetailDrawer>
  );
}
