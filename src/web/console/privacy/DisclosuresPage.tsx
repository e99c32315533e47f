import { Button, EmptyState, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IconShield } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { useRoleLabel } from "../../components/roles.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import type { ResidentListItem } from "../../registry/registry.js";
import { useAbilities } from "../access.js";
import { AgencyRequestModal } from "./AgencyRequestModal.js";
import { FilterSelect, ResidentPicker } from "./parts.js";
import {
  DISCLOSURES_PATH,
  type Disclosure,
  RECIPIENT_KINDS,
  type RecipientKind,
  usePrivacyWords,
} from "./privacy.js";

/** Nhật ký chia sẻ: every time personal data left the building's staff — to whom, what, why, on what basis. */
export default function DisclosuresPage() {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const roleLabel = useRoleLabel();
  const disclosesToAgencies = useAbilities()("privacy", "disclose_to_agency");
  const [recipientKind, setRecipientKind] = useState<RecipientKind | "">("");
  const [resident, setResident] = useState<ResidentListItem | null>(null);
  const [agency, setAgency] = useState(false);
  const list = usePagedList(DISCLOSURES_PATH, {
    recipientKind: recipientKind || undefined,
    residentId: resident?.id,
  });

  const columns: Column<Disclosure>[] = [
    { header: t("disclosures.at"), cell: (d) => <Text size="sm">{formatDateTime(d.at)}</Text> },
    { header: t("disclosures.resident"), cell: (d) => d.residentName },
    {
      header: t("disclosures.recipient"),
      cell: (d) => (
        <>
          <Text size="sm" fw={500}>
            {d.recipient}
          </Text>
          <Text size="xs" c="dimmed">
            {words.recipientKind(d.recipientKind)}
          </Text>
        </>
      ),
    },
    { header: t("disclosures.fieldsLabel"), cell: (d) => d.fields.map(words.field).join(", ") },
    {
      header: t("disclosures.purpose"),
      cell: (d) => (
        <>
          <Text size="sm">{d.purpose}</Text>
          <Text size="xs" c="dimmed">
            {words.basis(d.legalBasis)}
            {d.reference && ` · ${d.reference}`}
          </Text>
        </>
      ),
    },
    {
      header: t("disclosures.by"),
      cell: (d) => (d.actorRole ? roleLabel(d.actorRole) : t("disclosures.system")),
    },
  ];

  return (
    <Stack gap={0}>
      <PageHeader
        title={t("disclosures.title")}
        action={
          disclosesToAgencies && (
            <Button onClick={() => setAgency(true)}>{t("disclosures.agencyTitle")}</Button>
          )
        }
      />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("disclosures.intro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("disclosures.title")}
        minWidth={1000}
        filters={
          <Group gap="sm" align="flex-end">
            <FilterSelect
              label={t("disclosures.recipientKind")}
              value={recipientKind}
              values={RECIPIENT_KINDS}
              word={words.recipientKind}
              onChange={setRecipientKind}
            />
            <ResidentPicker label={t("disclosures.resident")} value={resident} onChange={setResident} />
          </Group>
        }
        empty={
          <EmptyState
            icon={<IconShield size={32} />}
            variant="light"
            title={t("disclosures.emptyTitle")}
            description={t("disclosures.empty")}
            py="lg"
          />
        }
      />
      {agency && <AgencyRequestModal onClose={() => setAgency(false)} />}
    </Stack>
  );
}
