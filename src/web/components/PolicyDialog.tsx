import { Anchor, Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useSignedInMe, useSignOut } from "../auth/session.js";
import { formatDate } from "../format.js";
import { PENDING_POLICIES_PATH, type PendingPolicy, policyHref } from "../public-pages/policies.js";
import { FormError } from "./forms.js";

/** PolicyAcknowledgement's dialog, with the versions to read. */
export function PolicyDialog({ items }: { items: PendingPolicy[] }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const companyId = me.current?.companyId;
  const queryClient = useQueryClient();
  const signOut = useSignOut();
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
      opened
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
