import { Alert, Badge, Center, Group, Loader, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/forms.js";
import { ItemList } from "../../components/ItemList.js";
import { PageHeader } from "../../components/Pages.js";
import { formatDateTime } from "../../format.js";
import { type ConsentOverview, useConsents, useSetConsent } from "./privacy.js";
import { usePrivacyWords } from "./words.js";

type PurposeState = ConsentOverview["purposes"][number];

function PurposeCard({
  state,
  onToggle,
  pending,
}: {
  state: PurposeState;
  onToggle: (given: boolean) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const badge = (
    <Badge variant="outline" color="blue.9" tt="none" radius="sm" style={{ flexShrink: 0 }}>
      {words.basis(state.basis)}
    </Badge>
  );
  // A purpose that rests on consent is named by its switch, so the name is the switch's label.
  if (state.basis !== "consent") {
    return (
      <Paper component="li" withBorder p="md" radius="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={700}>{state.name}</Text>
            {badge}
          </Group>
          <Text size="sm">{state.description}</Text>
          <Text size="sm" c="dimmed">
            {t("consents.noConsentNeeded")}
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Switch
            label={
              <Text span fw={700}>
                {state.name}
              </Text>
            }
            description={state.description}
            checked={state.active}
            disabled={pending}
            onChange={(event) => onToggle(event.currentTarget.checked)}
          />
          {badge}
        </Group>
        {state.wording && (
          <Text size="sm" c="dimmed">
            {t("consents.wording", { wording: state.wording })}
          </Text>
        )}
        {state.active && state.consent && (
          <Text size="sm" c="dimmed">
            {t("consents.givenSince", { date: formatDateTime(state.consent.givenAt) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function History({ overview }: { overview: ConsentOverview }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const records = overview.history;
  const purposeName = (purpose: string) =>
    overview.purposes.find((state) => state.purpose === purpose)?.name ?? purpose;
  if (records.length === 0) return <Text size="sm">{t("consents.historyEmpty")}</Text>;
  return (
    // On a phone the table scrolls sideways: its scrolling box takes the keyboard focus, so it can be scrolled
    // without a pointer too (WCAG 2.1.1).
    <Table.ScrollContainer
      minWidth={720}
      scrollAreaProps={{
        viewportProps: { tabIndex: 0, role: "region", "aria-labelledby": "consent-history" },
      }}
    >
      <Table aria-labelledby="consent-history" striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("consents.purpose")}</Table.Th>
            <Table.Th scope="col">{t("consents.givenAt")}</Table.Th>
            <Table.Th scope="col">{t("consents.withdrawnAt")}</Table.Th>
            <Table.Th scope="col">{t("consents.channel")}</Table.Th>
            <Table.Th scope="col">{t("consents.policyVersion")}</Table.Th>
            <Table.Th scope="col">{t("consents.wordingColumn")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>{purposeName(record.purpose)}</Table.Td>
              <Table.Td>{formatDateTime(record.givenAt)}</Table.Td>
              <Table.Td>
                {record.withdrawnAt ? formatDateTime(record.withdrawnAt) : "—"}
                {record.withdrawnChannel && (
                  <Text size="xs" c="dimmed">
                    {words.channel(record.withdrawnChannel)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{words.channel(record.givenChannel)}</Table.Td>
              <Table.Td>{record.policyVersion}</Table.Td>
              <Table.Td maw={280}>
                <Text size="sm">{record.wording}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * "Sự đồng ý": every purpose with its legal basis; the ones that rest on consent are off until the
 * resident turns them on, and turning one off withdraws at once.
 */
export function ConsentsPage() {
  const { t } = useTranslation();
  const overview = useConsents();
  const setConsent = useSetConsent();
  const [notice, setNotice] = useState<string | null>(null);

  const toggle = (state: PurposeState, given: boolean) => {
    setNotice(null);
    setConsent.mutate(
      { purpose: state.purpose, given },
      {
        onSuccess: () =>
          setNotice(t(given ? "consents.given" : "consents.withdrawn", { purpose: state.name })),
      },
    );
  };

  let body: ReactNode;
  if (overview.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (overview.isError) {
    body = <FormError error={overview.error} />;
  } else {
    body = (
      <>
        <ItemList label={t("consents.purposes")}>
          {overview.data.purposes.map((state) => (
            <PurposeCard
              key={state.purpose}
              state={state}
              pending={setConsent.isPending && setConsent.variables?.purpose === state.purpose}
              onToggle={(given) => toggle(state, given)}
            />
          ))}
        </ItemList>
        <Title order={2} size="h4" mt="sm" id="consent-history">
          {t("consents.history")}
        </Title>
        <History overview={overview.data} />
        <Text size="xs" c="dimmed">
          {t("consents.version", { version: overview.data.policyVersion })}
        </Text>
      </>
    );
  }

  return (
    <Stack maw={720} mx="auto" gap="sm">
      <div>
        <PageHeader title={t("consents.title")} />
        <Text c="dimmed">{t("consents.intro")}</Text>
      </div>
      {notice && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <FormError error={setConsent.error} />
      {body}
    </Stack>
  );
}
