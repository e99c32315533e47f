import { Button, Group, NumberInput, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TicketCategory } from "../../../contracts/tickets.js";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { Section, SectionLoader } from "../billing/Section.js";

const PATH = "/tickets/slas";
type Row = { category: TicketCategory; respondMinutes: number; resolveMinutes: number };

/** The times the management promises per kind of ticket: to the first answer and to the resolution, in minutes. */
export function TicketSlaSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const slas = useQuery({ queryKey: [PATH], queryFn: () => api.GET(PATH) });
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (slas.data) setRows(slas.data.categories);
  }, [slas.data]);
  const save = useMutation({
    mutationFn: (categories: Row[]) => api.PUT(PATH, { body: { categories } }),
    onSuccess: (saved) => queryClient.setQueryData([PATH], saved),
  });
  const set = (category: TicketCategory, key: "respondMinutes" | "resolveMinutes", value: number | string) =>
    setRows((list) => list.map((r) => (r.category === category ? { ...r, [key]: Number(value) || 0 } : r)));
  return (
    <Section id="ticket-slas" title={t("settings.ticketSlas")}>
      <Text size="sm" c="dimmed">
        {t("settings.ticketSlasHint")}
      </Text>
      {slas.isPending ? (
        <SectionLoader />
      ) : (
        <>
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label={t("settings.ticketSlas")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tickets.category")}</Table.Th>
                  <Table.Th scope="col">{t("settings.respondMinutes")}</Table.Th>
                  <Table.Th scope="col">{t("settings.resolveMinutes")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const label = t(`tickets.categories.${r.category}`);
                  return (
                    <Table.Tr key={r.category}>
                      <Table.Th scope="row">{label}</Table.Th>
                      {(["respondMinutes", "resolveMinutes"] as const).map((key) => (
                        <Table.Td key={key}>
                          {editable ? (
                            <NumberInput
                              aria-label={`${label}: ${t(`settings.${key}`)}`}
                              value={r[key]}
                              min={5}
                              step={15}
                              allowDecimal={false}
                              onChange={(value) => set(r.category, key, value)}
                              w={140}
                            />
                          ) : (
                            r[key]
                          )}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <FormError error={slas.error ?? save.error} />
          {editable && (
            <Group justify="flex-end">
              <Button loading={save.isPending} onClick={() => save.mutate(rows)}>
                {t("common.save")}
              </Button>
            </Group>
          )}
        </>
      )}
    </Section>
  );
}
