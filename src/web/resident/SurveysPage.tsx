import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  UnstyledButton,
} from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Question } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconClipboard } from "../components/icons.js";
import { PageNav } from "../components/PageNav.js";
import { PageHeader } from "../components/Pages.js";
import { HOME_PATH } from "./home.js";
import { useChosenUnit } from "./units.js";

const MY_SURVEYS = "/me/surveys";
type Answer = string | string[] | number;

/** Khảo sát: the surveys the management sent, those still to answer marked. */
export function SurveysPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const params = { page, pageSize: 20 };
  const list = useQuery({
    queryKey: [MY_SURVEYS, params],
    queryFn: () => api.GET(MY_SURVEYS, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
  let body: ReactNode;
  if (list.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (list.isError) {
    body = <FormError error={list.error} />;
  } else if (list.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconClipboard size={32} />}
        variant="light"
        title={t("surveys.empty")}
        description={t("surveys.emptyHint")}
        py="xl"
      />
    );
  } else {
    body = (
      <>
        <ItemList label={t("surveys.listLabel")}>
          {list.data.items.map((s) => {
            const state = s.answered ? "answered" : s.status === "closed" ? "closed" : "toAnswer";
            return (
              <Paper
                component="li"
                key={s.id}
                withBorder
                p="md"
                radius="md"
                bg={state === "toAnswer" ? "blue.0" : undefined}
              >
                <UnstyledButton component={Link} to={`/app/surveys/${s.id}`} display="block" w="100%">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={700}>{s.title}</Text>
                    <Badge
                      color={state === "toAnswer" ? "blue" : "gray"}
                      variant="filled"
                      tt="none"
                      radius="sm"
                      style={{ flexShrink: 0 }}
                    >
                      {t(`surveys.${state}`)}
                    </Badge>
                  </Group>
                  {s.description && (
                    <Text size="sm" lineClamp={2}>
                      {s.description}
                    </Text>
                  )}
                </UnstyledButton>
              </Paper>
            );
          })}
        </ItemList>
        <PageNav total={list.data.total} pageSize={list.data.pageSize} page={page} onChange={setPage} />
      </>
    );
  }
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <PageHeader title={t("surveys.title")} />
      {body}
    </Stack>
  );
}

/** One question's input, by its kind. */
function QuestionInput({
  q,
  value,
  onChange,
}: {
  q: Question;
  value: Answer | undefined;
  onChange: (v: Answer) => void;
}) {
  const { t } = useTranslation();
  if (q.kind === "single")
    return (
      <Radio.Group label={q.text} value={typeof value === "string" ? value : ""} onChange={onChange}>
        <Stack gap={6} mt={6}>
          {q.options.map((o) => (
            <Radio key={o} value={o} label={o} />
          ))}
        </Stack>
      </Radio.Group>
    );
  if (q.kind === "multiple")
    return (
      <Checkbox.Group label={q.text} value={Array.isArray(value) ? value : []} onChange={onChange}>
        <Stack gap={6} mt={6}>
          {q.options.map((o) => (
            <Checkbox key={o} value={o} label={o} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  if (q.kind === "scale")
    return (
      <Radio.Group
        label={q.text}
        value={value === undefined ? "" : String(value)}
        onChange={(v) => onChange(Number(v))}
      >
        <Group gap="sm" mt={6}>
          {Array.from({ length: q.max }, (_, i) => String(i + 1)).map((v) => (
            <Radio key={v} value={v} label={v} />
          ))}
        </Group>
      </Radio.Group>
    );
  return (
    <Textarea
      label={`${q.text} ${t("surveys.optional")}`}
      autosize
      minRows={2}
      maxLength={2000}
      value={typeof value === "string" ? value : ""}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** A survey to answer (or already answered): its questions, and for a per-unit survey the unit answered for. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const { units, chosen } = useChosenUnit();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [unitId, setUnitId] = useState(chosen?.unitId ?? units[0]?.unitId ?? "");
  const survey = useQuery({
    queryKey: [MY_SURVEYS, id],
    queryFn: () => api.GET("/me/surveys/{id}", { params: { path: { id } } }),
  });
  const send = useMutation({
    mutationFn: () =>
      api.POST("/me/surveys/{id}/answers", {
        params: { path: { id } },
        body: {
          answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== "")),
          ...(survey.data?.oneAnswerPer === "unit" ? { unitId } : {}),
        },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [MY_SURVEYS] }),
        queryClient.invalidateQueries({ queryKey: [HOME_PATH] }),
      ]),
  });
  const s = survey.data;
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/surveys" size="sm">
        ← {t("surveys.back")}
      </Anchor>
      {survey.isPending && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      <FormError error={survey.error} />
      {s && (
        <>
          <PageHeader title={s.title} />
          {s.description && <Text>{s.description}</Text>}
          {s.anonymous && (
            <Alert color="blue" variant="light">
              {t("surveys.anonymous")}
            </Alert>
          )}
          {s.answered ? (
            <Alert color="teal" variant="light" role="status">
              {t("surveys.thanks")}
            </Alert>
          ) : s.status === "closed" ? (
            <Alert color="gray" variant="light">
              {t("surveys.closed")}
            </Alert>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                send.mutate();
              }}
            >
              <Stack>
                {s.oneAnswerPer === "unit" && units.length > 1 && (
                  <NativeSelect
                    label={t("surveys.unit")}
                    data={units.map((u) => ({ value: u.unitId, label: u.label }))}
                    value={unitId}
                    onChange={(event) => setUnitId(event.currentTarget.value)}
                  />
                )}
                {s.questions.map((q) => (
                  <Paper withBorder p="md" radius="md" key={q.id}>
                    <QuestionInput
                      q={q}
                      value={answers[q.id]}
                      onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                    />
                  </Paper>
                ))}
                <FormError error={send.error} />
                <Group justify="flex-end">
                  <Button type="submit" loading={send.isPending}>
                    {t("surveys.submit")}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Stack>
  );
}
