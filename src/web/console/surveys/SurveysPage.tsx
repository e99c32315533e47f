import { BarChart } from "@mantine/charts";
import {
  Anchor,
  Badge,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";
import type { QuestionResult, Survey } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { IconClipboard } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { useAllBuildings } from "../buildings/buildings.js";

type Line = z.infer<typeof Survey>;
export const SURVEYS_PATH = "/surveys";
/** Palette names: the theme makes each one's filled shade readable with white text. */
const STATUS_COLOUR = { draft: "gray", open: "teal", closed: "dark" } as const;

function StatusBadge({ status }: { status: Line["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="filled" tt="none" radius="sm">
      {t(`surveys.statuses.${status}`)}
    </Badge>
  );
}

/** One question's figures: a bar per option or score (with the table behind it for screen readers), or the texts. */
function QuestionView({ q }: { q: z.infer<typeof QuestionResult> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={700}>{q.text}</Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t("surveys.answered", { count: q.answered })}
        {q.average !== null && ` · ${t("surveys.average", { value: q.average })}`}
      </Text>
      {q.kind === "text" ? (
        q.texts.length ? (
          <Stack gap={4} component="ul" m={0} pl="md">
            {q.texts.map((text, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of answers, which may repeat
              <Text component="li" size="sm" key={i}>
                {text}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t("surveys.noTexts")}</Text>
        )
      ) : (
        <div role="img" aria-label={q.counts.map((c) => `${c.label}: ${c.count}`).join(", ")}>
          <BarChart
            h={Math.max(120, q.counts.length * 36)}
            data={q.counts}
            dataKey="label"
            orientation="vertical"
            series={[{ name: "count", label: t("surveys.responses"), color: "blue.7" }]}
            yAxisProps={{ width: 110 }}
            xAxisProps={{ allowDecimals: false }}
            gridAxis="none"
            withTooltip={false}
            withBarValueLabel
          />
        </div>
      )}
    </Paper>
  );
}

/** A survey's results, with the actions left: send a draft, close, download. */
function ResultsDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const results = useQuery({
    queryKey: [SURVEYS_PATH, id],
    queryFn: () => api.GET("/surveys/{id}", { params: { path: { id } } }),
  });
  const close = useMutation({
    mutationFn: () => api.POST("/surveys/{id}/close", { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [SURVEYS_PATH] }),
  });
  const r = results.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={r?.survey.title ?? t("surveys.results")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <FormError error={results.error ?? close.error} />
      {r && (
        <Stack>
          <Group gap="xs">
            <StatusBadge status={r.survey.status} />
            {r.survey.anonymous && (
              <Badge variant="outline" color="dark" tt="none">
                {t("surveys.anonymousBadge")}
              </Badge>
            )}
            <Text size="sm">
              {t("surveys.responses")}: {r.survey.responses}/{r.survey.sent}
            </Text>
          </Group>
          <Group>
            {r.survey.status !== "closed" && (
              <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
                {r.survey.status === "draft" ? t("surveys.openDraft") : t("surveys.close")}
              </Button>
            )}
            <Button variant="default" component="a" href={`/api/v1/surveys/${id}/export`} download>
              {t("surveys.export")}
            </Button>
          </Group>
          {r.questions.map((q) => (
            <QuestionView key={q.id} q={q} />
          ))}
        </Stack>
      )}
    </Drawer>
  );
}

function SurveyList({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const list = usePagedList(SURVEYS_PATH, {}, undefined, { buildingId });
  const openId = params.get("survey");
  const open = (s: Line) =>
    setParams((p) => {
      p.set("survey", s.id);
      return p;
    });
  const columns: Column<Line>[] = [
    {
      header: t("surveys.name"),
      cell: (s) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          ta="left"
          onClick={() => open(s)}
          aria-label={t("surveys.openResults", { title: s.title })}
        >
          {s.title}
        </Anchor>
      ),
    },
    { header: t("surveys.status"), cell: (s) => <StatusBadge status={s.status} /> },
    { header: t("surveys.sent"), cell: (s) => s.sent },
    { header: t("surveys.responses"), cell: (s) => s.responses },
    { header: t("surveys.closesAt"), cell: (s) => (s.closesAt ? formatDateTime(s.closesAt) : "—") },
  ];
  return (
    <>
      <PagedTable
        list={list}
        columns={columns}
        label={t("surveys.listLabel")}
        minWidth={720}
        onOpen={open}
        empty={
          <EmptyState
            icon={<IconClipboard size={32} />}
            variant="light"
            title={t("surveys.empty")}
            description={t("surveys.emptyHint")}
            py="lg"
          />
        }
      />
      {openId && (
        <ResultsDrawer
          id={openId}
          onClose={() =>
            setParams((p) => {
              p.delete("survey");
              return p;
            })
          }
        />
      )}
    </>
  );
}

/** Khảo sát: a building's surveys with how many answered; results in a drawer. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const buildings = useAllBuildings();
  const [params, setParams] = useSearchParams();
  const items = buildings.data?.items ?? [];
  const buildingId = params.get("building") ?? items[0]?.id ?? "";
  return (
    <>
      <PageHeader
        title={t("surveys.title")}
        action={
          buildingId && (
            <Button component={Link} to={`/console/surveys/new?building=${buildingId}`}>
              {t("surveys.create")}
            </Button>
          )
        }
      />
      <FormError error={buildings.error} />
      {items.length > 1 && (
        <NativeSelect
          label={t("surveys.building")}
          data={items.map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setParams((p) => {
              p.set("building", value);
              p.delete("survey");
              return p;
            });
          }}
          w={{ base: "100%", sm: 320 }}
          mb="md"
        />
      )}
      {buildingId && <SurveyList key={buildingId} buildingId={buildingId} />}
    </>
  );
}
