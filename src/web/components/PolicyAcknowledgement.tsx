import { Anchor, Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useSignedInMe, useSignOut } from "../auth/session.js";
import { formatDate } from "../format.js";
import { PENDING_POLICIES_PATH, policyHref } from "../public-pages/policies.js";
import { FormError } from "./forms.js";

/**
 * New versions of the company's policy or terms that the person must read before going on: a dialog that
 * only "I have read it" closes (signing out stays possible). Nothing shows while the list cannot be had.
 */
export function PolicyAcknowledgement() {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const companyId = me.current?.companyId;
  // Partners and the platform admin work under the company's contract, not the residents' policy.
  const asked = Boolean(companyId) && (me.current?.area === "resident" || me.current?.area === "console");
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const pending = useQuery({
    queryKey: [PENDING_POLICIES_PATH, companyId, i18n.language],
    queryFn: () => api.GET(PENDING_POLICIES_PATH),
    enabled: asked,
  });
  const items = pending.data?.items ?? [];
  const acknowledge = useMutation({
    mutationFn: () =>
      Promise.all(
        items.flatMap((policy) =>
          policy.id ? [api.POST("/privacy/policies/acknowledge", { body: { policyId: policy.id } })] : [],
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PENDING_POLICIES_PATH] }),
  });

  return (
    <Modal
      opened={items.length > 0}
      onClose={() => {}}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      centered
      size="lg"
      title={t("ack.title")}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <Stack>
        <Text>{t("ack.intro", { company: me.current?.companyName ?? "" })}</Text>
        {items.map((policy) => (
          <Stack key={`${policy.kind}-${policy.version}`} gap={4}>
            <Title order={2} size="h5">
              {t(`policy.title.${policy.kind}`)}
            </Title>
            <Text size="sm" c="dimmed">
              {t("policy.versionLine", { version: policy.version, date: formatDate(policy.publishedAt) })}
            </Text>
            <Text>{policy.summary}</Text>
            <Anchor
              href={policyHref(policy.kind, companyId, policy.version)}
              target="_blank"
              rel="noopener"
              size="sm"
            >
              {t("ack.readFull", { document: t(`policy.title.${policy.kind}`) })}
            </Anchor>
          </Stack>
        ))}
        <FormError error={acknowledge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            {t("header.signOut")}
          </Button>
          <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
            {t("ack.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
