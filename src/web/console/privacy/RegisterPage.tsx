import { Badge, Group, List, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProcessingRegister } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { Fact } from "../../components/Fact.js";
import { PageHeader } from "../../components/Pages.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDateTime } from "../../format.js";
import { Section } from "../billing/Section.js";
import { DownloadButton, QueryView } from "./parts.js";
import { REGISTER_PATH, usePrivacyWords } from "./privacy.js";

type Entry = ProcessingRegister["entries"][number];

function Items({ label, items }: { label: string; items: string[] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** One purpose: on what basis, which fields (sensitive ones marked), who receives them, how long, how guarded. */
function EntrySection({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  return (
    <Section
      id={`purpose-${entry.purpose}`}
      title={entry.name}
      action={
        <Badge variant="outline" color="blue.9" tt="none">
          {t("register.basisLabel", { basis: words.basis(entry.basis) })}
        </Badge>
      }
    >
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t("register.fields")}
        </Text>
        <Group gap={6}>
          {entry.fields.map((field) => (
            <Badge
              key={field.field}
              variant={field.sensitive ? "filled" : "outline"}
              color={field.sensitive ? "red.9" : "gray.8"}
              tt="none"
            >
              {field.label}
              {field.sensitive && ` · ${t("register.sensitive")}`}
            </Badge>
          ))}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Items label={t("register.recipients")} items={entry.recipients} />
        <Items label={t("register.retention")} items={entry.retention} />
        <Items label={t("register.safeguards")} items={entry.safeguards} />
      </SimpleGrid>
    </Section>
  );
}

function Processors({ register }: { register: ProcessingRegister }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder aria-label={t("register.processors")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("register.processor")}</Table.Th>
            <Table.Th scope="col">{t("register.processorRole")}</Table.Th>
            <Table.Th scope="col">{t("register.processorData")}</Table.Th>
            <Table.Th scope="col">{t("common.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {register.processors.map((processor) => (
            <Table.Tr key={processor.name}>
              <Table.Th scope="row" fw={500}>
                {processor.name}
              </Table.Th>
              <Table.Td>{processor.role}</Table.Td>
              <Table.Td>{processor.data}</Table.Td>
              <Table.Td>
                <StatusBadge tone={processor.configured ? "positive" : "inactive"}>
                  {processor.configured ? t("register.configured") : t("register.notConfigured")}
                </StatusBadge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RegisterView({ register }: { register: ProcessingRegister }) {
  const { t } = useTranslation();
  const facts: [string, ReactNode][] = [
    [t("register.controller"), register.controller.name],
    [t("register.taxCode"), register.controller.taxCode ?? t("common.notSet")],
    [t("register.version"), register.version],
    [t("register.generatedAt"), formatDateTime(register.generatedAt)],
    [t("register.residents"), register.counts.residents],
    [t("register.accounts"), register.counts.accounts],
    [t("register.buildings"), register.counts.buildings],
  ];
  return (
    <Stack gap="lg">
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm" m={0}>
        {facts.map(([label, value]) => (
          <Fact key={label} label={label}>
            {value}
          </Fact>
        ))}
      </SimpleGrid>
      {register.entries.map((entry) => (
        <EntrySection key={entry.purpose} entry={entry} />
      ))}
      <Section id="processors" title={t("register.processors")}>
        <Text size="sm" c="dimmed">
          {t("register.processorsHint")}
        </Text>
        <Processors register={register} />
      </Section>
    </Stack>
  );
}

/** Sổ đăng ký xử lý dữ liệu: purposes, fields, recipients and safeguards, and the impact-assessment dossier. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [REGISTER_PATH],
    queryFn: () => api.GET(REGISTER_PATH),
  });
  return (
    <Stack gap={0}>
      <PageHeader
        title={t("register.title")}
        action={
          <DownloadButton file={() => api.download("/privacy/register.pdf")}>
            {t("register.pdf")}
          </DownloadButton>
        }
      />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("register.intro")}
      </Text>
      <QueryView query={query}>{(register) => <RegisterView register={register} />}</QueryView>
    </Stack>
  );
}
