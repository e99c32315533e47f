import { Anchor, Button, EmptyState, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.js";
import { useSignedInMe } from "../../auth/session.js";
import { IconShield } from "../../components/icons.js";
import { PageHeader } from "../../components/Pages.js";
import { formatDateTime } from "../../format.js";
import { policyHref } from "../../public-pages/policies.js";
import { PublishPolicyModal } from "./PublishPolicyModal.js";
import { QueryView } from "./parts.js";
import { POLICIES_PATH, type PolicyVersion, usePrivacyWords } from "./privacy.js";

function VersionsTable({ items }: { items: PolicyVersion[] }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const companyId = useSignedInMe().current?.companyId;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={t("policies.versions")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("policies.kind")}</Table.Th>
            <Table.Th scope="col">{t("policies.version")}</Table.Th>
            <Table.Th scope="col">{t("policies.publishedAt")}</Table.Th>
            <Table.Th scope="col">{t("policies.summary")}</Table.Th>
            <Table.Th scope="col">{t("policies.ack")}</Table.Th>
            <Table.Th scope="col">{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.kind}-${item.version}`}>
              <Table.Td>{words.policyKind(item.kind)}</Table.Td>
              <Table.Td ff="monospace">{item.version}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(item.publishedAt)}</Table.Td>
              <Table.Td>{item.summary}</Table.Td>
              <Table.Td>{item.requiresAcknowledgement ? t("policies.ackYes") : t("policies.ackNo")}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={policyHref(item.kind, companyId, item.version)}
                  target="_blank"
                  size="sm"
                  aria-label={t("policies.viewNamed", {
                    kind: words.policyKind(item.kind),
                    version: item.version,
                  })}
                >
                  {t("policies.view")}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Chính sách & điều khoản: the company's published versions, and publishing a new one. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState(false);
  const query = useQuery({
    queryKey: [POLICIES_PATH],
    queryFn: () => api.GET(POLICIES_PATH),
  });
  return (
    <Stack gap={0}>
      <PageHeader
        title={t("policies.title")}
        action={<Button onClick={() => setPublishing(true)}>{t("policies.publish")}</Button>}
      />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("policies.intro")}
      </Text>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon={<IconShield size={32} />}
              variant="light"
              title={t("policies.emptyTitle")}
              description={t("policies.empty")}
              py="lg"
            >
              <EmptyState.Actions>
                <Anchor component={Link} to={policyHref("privacy")} target="_blank">
                  {t("policies.viewDefault")}
                </Anchor>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <VersionsTable items={data.items} />
          )
        }
      </QueryView>
      {publishing && <PublishPolicyModal onClose={() => setPublishing(false)} />}
    </Stack>
  );
}
