import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { HouseholdFlag as HouseholdFlagSchema } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { showFieldErrors } from "../components/forms.js";
import { formatDate } from "../format.js";
import { isCurrent, useHousehold } from "./registry.js";

/** The management's request that the owner check the household list, open until resolved. */
export type HouseholdFlag = z.infer<typeof HouseholdFlagSchema>;

/** Under "household", so invalidating households refreshes the flags too. */
const flagsKey = (unitId: string) => ["household", unitId, "flags"] as const;

function useOpenFlags(unitId: string) {
  return useQuery({
    queryKey: flagsKey(unitId),
    queryFn: () => api.GET("/units/{id}/household/flags", { params: { path: { id: unitId } } }),
    select: (data) => data.items.filter((flag) => flag.resolvedAt === null),
  });
}

function RaiseFlagModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { note: "" },
    validate: {
      note: (value) => {
        const length = value.trim().length;
        return length >= 3 && length <= 500 ? null : t("flags.noteLength");
      },
    },
  });
  const raise = useMutation({
    mutationFn: (note: string) =>
      api.POST("/units/{id}/household/flags", {
        params: { path: { id: unitId } },
        body: { note: note.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: flagsKey(unitId) });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("flags.raise")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => raise.mutate(values.note))}
      submitLabel={t("flags.raiseSubmit")}
      pending={raise.isPending}
      error={raise.error}
    >
      <Textarea
        label={t("flags.note")}
        autosize
        minRows={3}
        maxLength={500}
        withAsterisk
        data-autofocus
        {...form.getInputProps("note")}
      />
    </FormModal>
  );
}

function ResolveFlagModal({ flag, onClose }: { flag: HouseholdFlag; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { resolution: "" } });
  const resolve = useMutation({
    mutationFn: (resolution: string) =>
      api.POST("/household-flags/{id}/resolve", {
        params: { path: { id: flag.id } },
        body: {
          resolution: resolution.trim() || undefined,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["household", flag.unitId] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("flags.resolveTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => resolve.mutate(values.resolution))}
      submitLabel={t("flags.resolve")}
      pending={resolve.isPending}
      error={resolve.error}
    >
      <Text>{t("flags.checkNote", { note: flag.note })}</Text>
      <Textarea
        label={t("flags.resolution")}
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps("resolution")}
      />
    </FormModal>
  );
}

/** In the console's household tab: the open flags, and raising one for those who keep the registry. */
export function HouseholdFlagsStaff({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const flags = useOpenFlags(unitId);
  const [raising, setRaising] = useState(false);
  const open = flags.data ?? [];
  if (!canEdit && open.length === 0) return null;
  return (
    <Stack gap="xs">
      {canEdit && (
        <Group justify="flex-end">
          <Button variant="light" color="orange" onClick={() => setRaising(true)}>
            {t("flags.raise")}
          </Button>
        </Group>
      )}
      {open.map((flag) => (
        <Alert key={flag.id} color="orange" variant="light">
          <Text size="sm">{t("flags.checkNote", { note: flag.note })}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(flag.raisedAt)}
          </Text>
        </Alert>
      ))}
      {raising && <RaiseFlagModal unitId={unitId} onClose={() => setRaising(false)} />}
    </Stack>
  );
}

/** In the resident's household page: the open flags; the owner marks them handled. */
export function HouseholdFlagsAlert({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const flags = useOpenFlags(unitId);
  const household = useHousehold(unitId);
  const [resolving, setResolving] = useState<HouseholdFlag | null>(null);
  const isOwner =
    household.data?.members.some((member) => member.you && member.role === "owner" && isCurrent(member)) ??
    false;
  const open = flags.data ?? [];
  if (open.length === 0) return null;
  return (
    <Stack gap="xs">
      {open.map((flag) => (
        <Alert key={flag.id} color="orange" variant="light" role="alert">
          <Stack gap={6}>
            <Text size="sm">{t("flags.checkNote", { note: flag.note })}</Text>
            <Text size="xs" c="dimmed">
              {formatDate(flag.raisedAt)}
            </Text>
            {isOwner && (
              <Group>
                <Button size="compact-sm" variant="light" onClick={() => setResolving(flag)}>
                  {t("flags.resolve")}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      ))}
      {resolving && <ResolveFlagModal flag={resolving} onClose={() => setResolving(null)} />}
    </Stack>
  );
}
