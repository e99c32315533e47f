import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Table, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required } from "../../components/forms.js";
import { formatDateTime } from "../../format.js";
import type { ResidentListItem } from "../../registry/registry.js";
import { ResidentsPicker, showErrorsAt } from "./parts.js";
import {
  AGENCY_FIELDS,
  AGENCY_REQUESTS_PATH,
  type AgencyField,
  type AgencyRelease,
  DISCLOSURES_PATH,
  usePrivacyWords,
} from "./privacy.js";

type Values = {
  agency: string;
  reference: string;
  legalBasis: string;
  residents: ResidentListItem[];
  fields: AgencyField[];
};

/** What was released, shown once: the log keeps what went to whom, not a copy to look at again. */
function ReleaseView({
  release,
  residents,
  fields,
  onClose,
}: {
  release: AgencyRelease;
  residents: ResidentListItem[];
  fields: AgencyField[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const names = new Map(residents.map((r) => [r.id, r.fullName]));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("disclosures.releasedTitle", { agency: release.agency })}
      centered
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <Stack>
        <Alert color="blue" variant="light" role="status">
          {t("disclosures.releasedNote", {
            reference: release.reference,
            at: formatDateTime(release.releasedAt),
          })}
        </Alert>
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder aria-label={t("disclosures.releasedTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("disclosures.resident")}</Table.Th>
                {fields.map((field) => (
                  <Table.Th key={field} scope="col">
                    {words.field(field)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {release.people.map((person) => (
                <Table.Tr key={person.residentId}>
                  <Table.Th scope="row" fw={500}>
                    {names.get(person.residentId) ?? person.values["resident.fullName"] ?? "—"}
                  </Table.Th>
                  {fields.map((field) => (
                    <Table.Td key={field}>{person.values[field] ?? "—"}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("common.close")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Cung cấp cho cơ quan nhà nước: a state agency's written request, answered with only the fields it names
 * for only the people it names; every person's release goes into the disclosure log.
 */
export function AgencyRequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const queryClient = useQueryClient();
  const [release, setRelease] = useState<AgencyRelease | null>(null);
  const form = useForm<Values>({
    initialValues: { agency: "", reference: "", legalBasis: "", residents: [], fields: [] },
    validate: {
      agency: required,
      reference: required,
      legalBasis: required,
      residents: (value) => (value.length ? null : t("disclosures.residentsRequired")),
      fields: (value) => (value.length ? null : t("disclosures.fieldsRequired")),
    },
  });
  const send = useMutation({
    mutationFn: (values: Values) =>
      api.POST(AGENCY_REQUESTS_PATH, {
        body: {
          agency: values.agency.trim(),
          reference: values.reference.trim(),
          legalBasis: values.legalBasis.trim(),
          residentIds: values.residents.map((r) => r.id),
          fields: values.fields,
        },
      }),
    onSuccess: async (released) => {
      setRelease(released);
      await queryClient.invalidateQueries({ queryKey: [DISCLOSURES_PATH] });
    },
    onError: (error) => showErrorsAt(form, error, { residentIds: "residents" }),
  });

  if (release) {
    return (
      <ReleaseView
        release={release}
        residents={form.values.residents}
        fields={form.values.fields}
        onClose={onClose}
      />
    );
  }
  return (
    <FormModal
      title={t("disclosures.agencyTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => send.mutate(values))}
      submitLabel={t("disclosures.agencySubmit")}
      pending={send.isPending}
      error={send.error}
      size="lg"
    >
      <Alert color="blue" variant="light">
        {t("disclosures.agencyIntro")}
      </Alert>
      <TextInput
        label={t("disclosures.agency")}
        placeholder={t("disclosures.agencyPlaceholder")}
        maxLength={200}
        data-autofocus
        {...form.getInputProps("agency")}
      />
      <TextInput
        label={t("disclosures.reference")}
        description={t("disclosures.referenceHint")}
        maxLength={100}
        {...form.getInputProps("reference")}
      />
      <TextInput
        label={t("disclosures.legalBasis")}
        description={t("disclosures.legalBasisHint")}
        maxLength={300}
        {...form.getInputProps("legalBasis")}
      />
      <ResidentsPicker
        label={t("disclosures.residents")}
        description={t("disclosures.residentsHint")}
        value={form.values.residents}
        onChange={(residents) => form.setFieldValue("residents", residents)}
        error={form.errors.residents}
      />
      <Checkbox.Group
        label={t("disclosures.fieldsLabel")}
        description={t("disclosures.fieldsHint")}
        {...form.getInputProps("fields")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {AGENCY_FIELDS.map((field) => (
            <Checkbox key={field} value={field} label={words.field(field)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </FormModal>
  );
}
