import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Question } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { PageHeader } from "../../components/Pages.js";
import { SURVEYS_PATH } from "./SurveysPage.js";

type Draft = { key: string; text: string; kind: Question["kind"]; options: string; max: "5" | "10" };
type Values = {
  title: string;
  description: string;
  questions: Draft[];
  anonymous: boolean;
  perUnit: boolean;
  purpose: "service" | "promotion";
  closesAt: string;
};

const blank = (): Draft => ({ key: randomId(), text: "", kind: "single", options: "", max: "5" });

/** A question as the API takes it, its id from its place. */
function toQuestion(d: Draft, i: number): Question {
  const id = `q${i + 1}`;
  const text = d.text.trim();
  if (d.kind === "scale") return { id, kind: "scale", text, max: d.max === "10" ? 10 : 5 };
  if (d.kind === "text") return { id, kind: "text", text };
  const options = d.options
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);
  return { id, kind: d.kind, text, options };
}

/** Tạo khảo sát: questions of four kinds, audience of the whole building, anonymous or not, one answer per unit. */
export default function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const buildingId = params.get("building") ?? "";
  const form = useForm<Values>({
    initialValues: {
      title: "",
      description: "",
      questions: [blank()],
      anonymous: false,
      perUnit: false,
      purpose: "service",
      closesAt: "",
    },
    validate: {
      title: required,
      questions: {
        text: required,
        options: (value, values, path) => {
          const index = Number(path.split(".")[1]);
          const kind = values.questions[index]?.kind;
          const count = value.split("\n").filter((o) => o.trim()).length;
          return (kind === "single" || kind === "multiple") && count < 2 ? t("validation.required") : null;
        },
      },
    },
  });
  const save = useMutation({
    mutationFn: ({ values, action }: { values: Values; action: "open" | "draft" }) =>
      api.POST("/buildings/{id}/surveys", {
        params: { path: { id: buildingId } },
        body: {
          title: values.title.trim(),
          description: values.description.trim(),
          questions: values.questions.map(toQuestion),
          audience: { blocks: [], floors: [], unitIds: [], roles: [] },
          anonymous: values.anonymous,
          oneAnswerPer: values.perUnit ? "unit" : "person",
          purpose: values.purpose,
          closesAt: values.closesAt ? new Date(values.closesAt).toISOString() : undefined,
          action,
        },
      }),
    onSuccess: async (made) => {
      await queryClient.invalidateQueries({ queryKey: [SURVEYS_PATH] });
      navigate(`/console/surveys?building=${buildingId}&survey=${made.survey.id}`);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const submit = (action: "open" | "draft") => {
    if (form.validate().hasErrors) return;
    save.mutate({ values: form.values, action });
  };
  return (
    <Stack maw={820}>
      <PageHeader title={t("surveys.create")} />
      <Button
        component={Link}
        to={`/console/surveys?building=${buildingId}`}
        variant="subtle"
        px={0}
        w="fit-content"
      >
        ← {t("surveys.back")}
      </Button>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit("open");
        }}
      >
        <Stack>
          <TextInput label={t("surveys.name")} maxLength={200} {...form.getInputProps("title")} />
          <Textarea
            label={t("surveys.description")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("description")}
          />
          {form.values.questions.map((q, i) => (
            <Paper withBorder p="md" radius="md" key={q.key}>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={700}>{t("surveys.question", { n: i + 1 })}</Text>
                  {form.values.questions.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("surveys.removeQuestion", { n: i + 1 })}
                      onClick={() => form.removeListItem("questions", i)}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
                <TextInput
                  label={t("surveys.questionText")}
                  maxLength={300}
                  {...form.getInputProps(`questions.${i}.text`)}
                />
                <NativeSelect
                  label={t("surveys.kind")}
                  data={(["single", "multiple", "scale", "text"] as const).map((value) => ({
                    value,
                    label: t(`surveys.kinds.${value}`),
                  }))}
                  {...form.getInputProps(`questions.${i}.kind`)}
                />
                {(q.kind === "single" || q.kind === "multiple") && (
                  <Textarea
                    label={t("surveys.options")}
                    autosize
                    minRows={3}
                    {...form.getInputProps(`questions.${i}.options`)}
                  />
                )}
                {q.kind === "scale" && (
                  <NativeSelect
                    label={t("surveys.scaleMax")}
                    data={["5", "10"]}
                    {...form.getInputProps(`questions.${i}.max`)}
                  />
                )}
              </Stack>
            </Paper>
          ))}
          {form.values.questions.length < 20 && (
            <Button variant="light" w="fit-content" onClick={() => form.insertListItem("questions", blank())}>
              {t("surveys.addQuestion")}
            </Button>
          )}
          <Switch label={t("surveys.anonymous")} {...form.getInputProps("anonymous", { type: "checkbox" })} />
          <Switch label={t("surveys.perUnit")} {...form.getInputProps("perUnit", { type: "checkbox" })} />
          <NativeSelect
            label={t("surveys.purpose")}
            data={(["service", "promotion"] as const).map((value) => ({
              value,
              label: t(`surveys.purposes.${value}`),
            }))}
            {...form.getInputProps("purpose")}
          />
          <TextInput
            type="datetime-local"
            label={t("surveys.closesAtLabel")}
            w={{ base: "100%", sm: 280 }}
            {...form.getInputProps("closesAt")}
          />
          <FormError error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("surveys.openNow")}
            </Button>
            <Button variant="default" onClick={() => submit("draft")}>
              {t("surveys.saveDraft")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
