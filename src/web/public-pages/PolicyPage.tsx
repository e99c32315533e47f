import { Alert, Anchor, Divider, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { FormError } from "../components/forms.js";
import { PageLoader } from "../components/Pages.js";
import { formatDate } from "../format.js";
import { PolicyText, splitTitle } from "./PolicyText.js";
import { type Policy, type PolicyKind, policyHref, usePolicy, usePolicyVersions } from "./policies.js";

const OTHER: Record<PolicyKind, PolicyKind> = { privacy: "terms", terms: "privacy" };

function Versions({ kind, companyId, shown }: { kind: PolicyKind; companyId?: string; shown: string }) {
  const { t } = useTranslation();
  const versions = usePolicyVersions(kind, companyId);
  const items = versions.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="policy-versions">
      <Title order={2} size="h4" id="policy-versions">
        {t("policy.versions")}
      </Title>
      <List spacing="xs">
        {items.map((item) => (
          <List.Item key={item.version}>
            {item.version === shown ? (
              <Text span fw={700}>
                {t("policy.versionLine", { version: item.version, date: formatDate(item.publishedAt) })} ·{" "}
                {t("policy.reading")}
              </Text>
            ) : (
              <Anchor component={Link} to={policyHref(kind, companyId, item.version)}>
                {t("policy.versionLine", { version: item.version, date: formatDate(item.publishedAt) })}
              </Anchor>
            )}
            <Text size="sm" c="dimmed">
              {item.summary}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Document({ policy, companyId, latest }: { policy: Policy; companyId?: string; latest: boolean }) {
  const { t } = useTranslation();
  const other = OTHER[policy.kind];
  const { title, blocks } = splitTitle(policy.body);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title ?? t(`policy.title.${policy.kind}`)}
        </Title>
        {policy.company && <Text fw={600}>{t("policy.company", { company: policy.company.name })}</Text>}
        <Text size="sm" c="dimmed">
          {t("policy.versionLine", { version: policy.version, date: formatDate(policy.publishedAt) })}
        </Text>
      </Stack>
      {!latest && (
        <Alert color="yellow" variant="light">
          {t("policy.earlier")}{" "}
          <Anchor component={Link} to={policyHref(policy.kind, companyId)}>
            {t("policy.readCurrent")}
          </Anchor>
        </Alert>
      )}
      <PolicyText blocks={blocks} />
      <Divider />
      <Anchor component={Link} to={policyHref(other, companyId)}>
        {t(`policy.read.${other}`)}
      </Anchor>
      <Versions kind={policy.kind} companyId={companyId} shown={policy.version} />
    </Stack>
  );
}

/** /privacy and /terms: the platform's text, or a company's (?company=), the current or an earlier version. */
export function PolicyPage({ kind }: { kind: PolicyKind }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const companyId = params.get("company") ?? undefined;
  const version = params.get("version") ?? undefined;
  const policy = usePolicy(kind, companyId, version);
  const current = usePolicy(kind, companyId);

  return (
    <Stack maw={760} mx="auto">
      {policy.isPending && <PageLoader />}
      {policy.isError && (
        <>
          <Title order={1} size="h2">
            {t(`policy.title.${kind}`)}
          </Title>
          <FormError error={policy.error} />
          <Anchor component={Link} to="/">
            {t("notFound.home")}
          </Anchor>
        </>
      )}
      {policy.data && (
        <Document
          policy={policy.data}
          companyId={companyId}
          // Told apart only once the current version is known, so the notice never flashes.
          latest={!current.data || current.data.version === policy.data.version}
        />
      )}
    </Stack>
  );
}
