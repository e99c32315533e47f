import {
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PolicyKind } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { showFieldErrors } from "../../components/forms.js";
import { PolicyText, parsePolicy } from "../../public-pages/PolicyText.js";
import { POLICIES_PATH, usePrivacyWords } from "./privacy.js";

const LANGS = ["Vi", "En"] as const;
type Lang = (typeof LANGS)[number];
type Values = {
  kind: PolicyKind;
  bodyVi: string;
  bodyEn: string;
  summaryVi: string;
  summaryEn: string;
  requiresAcknowledgement: boolean;
};

/** Both languages' texts and summaries, long enough for the server to take them. */
function usePolicyForm() {
  const { t } = useTranslation();
  const length = (min: number) => (value: string) =>
    value.trim().length >= min ? null : t("policies.tooShort", { min, count: value.trim().length });
  return useForm<Values>({
    initialValues: {
      kind: "privacy",
      bodyVi: "",
      bodyEn: "",
      summaryVi: "",
      summaryEn: "",
      requiresAcknowledgement: false,
    },
    validate: { bodyVi: length(200), bodyEn: length(200), summaryVi: length(5), summaryEn: length(5) },
  });
}

/** One language's text beside how residents will read it. */
function LanguageFields({ lang, form }: { lang: Lang; form: ReturnType<typeof usePolicyForm> }) {
  const { t } = useTranslation();
  const body = form.values[`body${lang}`];
  return (
    <Stack gap="sm">
      <TextInput
        label={t(`policies.summary${lang}`)}
        description={t("policies.summaryHint")}
        maxLength={1000}
        {...form.getInputProps(`summary${lang}`)}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label={t(`policies.body${lang}`)}
          description={t("policies.bodyHint")}
          autosize
          minRows={16}
          maxRows={28}
          maxLength={100_000}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
          {...form.getInputProps(`body${lang}`)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("policies.preview")}
          </Text>
          <Paper
            withBorder
            p="md"
            radius="md"
            mah={560}
            style={{ overflow: "auto" }}
            aria-label={t("policies.preview")}
          >
            {body.trim() ? (
              <PolicyText blocks={parsePolicy(body)} />
            ) : (
              <Text c="dimmed">{t("policies.previewEmpty")}</Text>
            )}
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** Phát hành phiên bản mới: both languages' texts, what changed, and whether residents must acknowledge it. */
export function PublishPolicyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const queryClient = useQueryClient();
  const form = usePolicyForm();
  const publish = useMutation({
    mutationFn: (values: Values) => api.POST(POLICIES_PATH, { body: values }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [POLICIES_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  // An error in the other language's tab would go unseen: the tabs say where it is.
  const tabError = (lang: Lang) => Boolean(form.errors[`body${lang}`] || form.errors[`summary${lang}`]);
  return (
    <FormModal
      title={t("policies.publish")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => publish.mutate(values))}
      submitLabel={t("policies.publishSubmit")}
      pending={publish.isPending}
      error={publish.error}
      size="100%"
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="policy-kind">
          {t("policies.kind")}
        </Text>
        <SegmentedControl
          aria-labelledby="policy-kind"
          data={(["privacy", "terms"] as const).map((value) => ({ value, label: words.policyKind(value) }))}
          {...form.getInputProps("kind")}
          w="fit-content"
        />
      </Stack>
      <Tabs defaultValue="Vi" keepMounted={false}>
        <Tabs.List mb="sm">
          {LANGS.map((lang) => (
            <Tabs.Tab key={lang} value={lang} c={tabError(lang) ? "red.9" : undefined}>
              {t(`policies.tab${lang}`)}
              {tabError(lang) && ` · ${t("policies.tabError")}`}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {LANGS.map((lang) => (
          <Tabs.Panel key={lang} value={lang}>
            <LanguageFields lang={lang} form={form} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <Switch
        label={t("policies.requiresAck")}
        description={t("policies.requiresAckHint")}
        {...form.getInputProps("requiresAcknowledgement", { type: "checkbox" })}
      />
    </FormModal>
  );
}
