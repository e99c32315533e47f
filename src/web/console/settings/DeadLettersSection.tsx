import { Badge, Button, EmptyState, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { IconBell } from "../../components/icons.js";
import { PageNav } from "../../components/PageNav.js";
import { formatDateTime } from "../../format.js";
import { Section, SectionLoader } from "../billing/Section.js";

const PATH = "/notifications/dead-letters";
const PAGE_SIZE = 20;

/** Notifications that could not be delivered after every try, with the reason, to send again. */
export function DeadLettersSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [PATH, page],
    queryFn: () => api.GET(PATH, { params: { query: { page, pageSize: PAGE_SIZE } } }),
  });
  const resend = useMutation({
    mutationFn: (ids?: string[]) =>
      api.POST("/notifications/dead-letters/resend", { body: ids ? { ids } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  const items = list.data?.items ?? [];
  return (
    <Section
      id="dead-letters"
      title={t("settings.deadLetters")}
      action={
        items.length > 0 && (
          <Button
            variant="default"
            size="xs"
            loading={resend.isPending}
            onClick={() => resend.mutate(undefined)}
          >
            {t("settings.resendAll")}
          </Button>
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t("settings.deadLettersHint")}
      </Text>
      {list.isPending ? (
        <SectionLoader />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconBell size={28} />}
          variant="light"
          title={t("settings.deadLettersEmpty")}
          py="md"
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.deadLetterWhat")}</Table.Th>
                <Table.Th>{t("settings.deadLetterWho")}</Table.Th>
                <Table.Th>{t("settings.deadLetterChannel")}</Table.Th>
                <Table.Th>{t("settings.deadLetterWhy")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text size="sm">{d.title}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.failedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.recipient ?? "—"}</Text>
                    {d.unitCode && (
                      <Text size="xs" c="dimmed">
                        {d.unitCode}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`announcements.channels.${d.channel}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.error ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    {d.channel !== "none" && d.channel !== "in_app" && (
                      <Button
                        variant="subtle"
                        size="xs"
                        aria-label={t("settings.resendNamed", {
                          title: d.title,
                          who: d.recipient ?? d.unitCode ?? "",
                        })}
                        onClick={() => resend.mutate([d.id])}
                      >
                        {t("settings.resend")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && <PageNav total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />}
      <FormError error={list.error ?? resend.error} />
      {resend.isSuccess && (
        <Text size="sm" role="status">
          {t("settings.resent", { count: resend.data?.queued ?? 0 })}
        </Text>
      )}
    </Section>
  );
}
