import { Button, EmptyState, Group, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormModal } from "../../components/FormModal.js";
import { required } from "../../components/forms.js";
import { IconShield } from "../../components/icons.js";
import { PageHeader } from "../../components/Pages.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDateTime } from "../../format.js";
import type { ResidentListItem } from "../../registry/registry.js";
import { useAbilities } from "../access.js";
import { FilterSelect, QueryView, ResidentPicker, showErrorsAt } from "./parts.js";
import { HOLDS_PATH, type LegalHold } from "./privacy.js";

type Values = { resident: ResidentListItem | null; reason: string; reference: string };

function PlaceHoldModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { resident: null, reason: "", reference: "" },
    validate: {
      resident: (value) => (value ? null : t("legalHolds.residentRequired")),
      reason: (value) => required(value) ?? (value.trim().length < 3 ? t("legalHolds.reasonLength") : null),
    },
  });
  const place = useMutation({
    mutationFn: (values: Values) =>
      api.POST(HOLDS_PATH, {
        body: {
          // The form requires a resident before it submits.
          residentId: values.resident?.id ?? "",
          reason: values.reason.trim(),
          reference: values.reference.trim() || undefined,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [HOLDS_PATH] });
      onClose();
    },
    onError: (error) => showErrorsAt(form, error, { residentId: "resident" }),
  });
  return (
    <FormModal
      title={t("legalHolds.place")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => place.mutate(values))}
      submitLabel={t("legalHolds.placeSubmit")}
      pending={place.isPending}
      error={place.error}
    >
      <Text size="sm">{t("legalHolds.placeIntro")}</Text>
      <ResidentPicker
        label={t("legalHolds.resident")}
        value={form.values.resident}
        onChange={(resident) => form.setFieldValue("resident", resident)}
        error={form.errors.resident}
        autoFocus
      />
      <Textarea
        label={t("legalHolds.reason")}
        description={t("legalHolds.reasonHint")}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps("reason")}
      />
      <TextInput
        label={t("legalHolds.reference")}
        description={t("legalHolds.referenceHint")}
        maxLength={100}
        {...form.getInputProps("reference")}
      />
    </FormModal>
  );
}

const SHOW = ["active", "released"] as const;

/** Lưu giữ theo pháp luật: an open dispute keeps a person's data from erasure until the hold is released. */
export default function LegalHoldsPage() {
  const { t } = useTranslation();
  const placesHolds = useAbilities()("privacy", "place_holds");
  const queryClient = useQueryClient();
  const [show, setShow] = useState<(typeof SHOW)[number] | "">("active");
  const [placing, setPlacing] = useState(false);
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const query = useQuery({
    queryKey: [HOLDS_PATH],
    queryFn: () => api.GET(HOLDS_PATH),
  });

  return (
    <Stack gap={0}>
      <PageHeader
        title={t("legalHolds.title")}
        action={placesHolds && <Button onClick={() => setPlacing(true)}>{t("legalHolds.place")}</Button>}
      />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("legalHolds.intro")}
      </Text>
      <Group mb="md">
        <FilterSelect
          label={t("common.status")}
          value={show}
          values={SHOW}
          word={(value) => t(`legalHolds.show.${value}`)}
          onChange={setShow}
        />
      </Group>
      <QueryView query={query}>
        {(data) => {
          const holds = data.items.filter(
            (hold) => !show || (show === "active") === (hold.releasedAt === null),
          );
          if (holds.length === 0) {
            return (
              <EmptyState
                icon={<IconShield size={32} />}
                variant="light"
                title={t("legalHolds.emptyTitle")}
                description={placesHolds ? t("legalHolds.empty") : t("legalHolds.emptyStaff")}
                py="lg"
              />
            );
          }
          return (
            <Table.ScrollContainer minWidth={860}>
              <Table striped aria-label={t("legalHolds.title")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("legalHolds.resident")}</Table.Th>
                    <Table.Th scope="col">{t("legalHolds.reason")}</Table.Th>
                    <Table.Th scope="col">{t("legalHolds.reference")}</Table.Th>
                    <Table.Th scope="col">{t("legalHolds.placedAt")}</Table.Th>
                    <Table.Th scope="col">{t("common.status")}</Table.Th>
                    {placesHolds && <Table.Th scope="col">{t("common.actions")}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {holds.map((hold) => (
                    <Table.Tr key={hold.id}>
                      <Table.Td fw={500}>{hold.residentName}</Table.Td>
                      <Table.Td>{hold.reason}</Table.Td>
                      <Table.Td>{hold.reference ?? "—"}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(hold.placedAt)}</Table.Td>
                      <Table.Td>
                        {hold.releasedAt ? (
                          <StatusBadge tone="inactive">
                            {t("legalHolds.releasedAt", { at: formatDateTime(hold.releasedAt) })}
                          </StatusBadge>
                        ) : (
                          <StatusBadge tone="waiting">{t("legalHolds.active")}</StatusBadge>
                        )}
                      </Table.Td>
                      {placesHolds && (
                        <Table.Td>
                          {!hold.releasedAt && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setReleasing(hold)}
                              aria-label={t("legalHolds.releaseNamed", { name: hold.residentName })}
                            >
                              {t("legalHolds.release")}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryView>
      {placing && <PlaceHoldModal onClose={() => setPlacing(false)} />}
      {releasing && (
        <ConfirmModal
          title={t("legalHolds.releaseTitle")}
          confirmLabel={t("legalHolds.release")}
          danger
          onClose={() => setReleasing(null)}
          onConfirm={async () => {
            await api.POST("/privacy/legal-holds/{id}/release", { params: { path: { id: releasing.id } } });
            await queryClient.invalidateQueries({ queryKey: [HOLDS_PATH] });
          }}
        >
          {t("legalHolds.releaseConfirm", { name: releasing.residentName })}
        </ConfirmModal>
      )}
    </Stack>
  );
}
