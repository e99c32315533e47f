import { Button, FileInput, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyProfile } from "../../../contracts/settings.js";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "../../../contracts/settings.js";
import { api } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { Section } from "../billing/Section.js";
import { PROFILE_PATH } from "./settings.js";

/** "" typed in an optional field is sent as null: the field is cleared. */
const orNull = (value: string) => value.trim() || null;

type ProfileValues = {
  name: string;
  legalName: string;
  taxCode: string;
  address: string;
  hotline: string;
  email: string;
};

/** Legal name, tax code, address, hotline, email: what every document prints. */
export function ProfileSection({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editable = profile.abilities.update;
  const initial: ProfileValues = {
    name: profile.name,
    legalName: profile.legalName ?? "",
    taxCode: profile.taxCode ?? "",
    address: profile.address ?? "",
    hotline: profile.hotline ?? "",
    email: profile.email ?? "",
  };
  const form = useForm<ProfileValues>({ initialValues: initial, validate: { name: required } });
  const save = useMutation({
    mutationFn: (v: ProfileValues) =>
      api.PUT(PROFILE_PATH, {
        body: {
          name: v.name.trim(),
          legalName: orNull(v.legalName),
          taxCode: orNull(v.taxCode),
          address: orNull(v.address),
          hotline: orNull(v.hotline),
          email: orNull(v.email),
        },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData([PROFILE_PATH], saved);
      form.resetDirty();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const field = (key: keyof ProfileValues, extra: { hint?: string; autoComplete?: string } = {}) => ({
    label: t(`settings.${key}`),
    description: extra.hint,
    readOnly: !editable,
    autoComplete: extra.autoComplete ?? "off",
    ...form.getInputProps(key),
  });
  return (
    <Section id="company-profile" title={t("settings.profile")}>
      <Text size="sm" c="dimmed">
        {t("settings.profileHint")}
      </Text>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              {...field("legalName", { hint: t("settings.legalNameHint"), autoComplete: "organization" })}
            />
            <TextInput {...field("name", { hint: t("settings.nameHint") })} />
            <TextInput {...field("taxCode", { hint: t("settings.taxCodeHint") })} inputMode="numeric" />
            <TextInput
              {...field("hotline", { hint: t("settings.hotlineHint"), autoComplete: "tel" })}
              type="tel"
            />
            <TextInput {...field("address", { autoComplete: "street-address" })} />
            <TextInput {...field("email", { autoComplete: "email" })} type="email" />
          </SimpleGrid>
          <FormError error={save.error} />
          {editable ? (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
              {save.isSuccess && !form.isDirty() && (
                <Text size="sm" role="status">
                  {t("settings.saved")}
                </Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t("settings.readOnly")}
            </Text>
          )}
        </Stack>
      </form>
    </Section>
  );
}

/** The logo: its preview, a new one chosen and uploaded, or removed after a confirmation. */
export function LogoSection({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [removing, setRemoving] = useState(false);
  const editable = profile.abilities.update;
  const problem =
    file && !(LOGO_TYPES as readonly string[]).includes(file.type)
      ? t("settings.logoTypeInvalid")
      : file && file.size > LOGO_MAX_BYTES
        ? t("settings.logoTooLarge")
        : null;
  const upload = useMutation({
    mutationFn: (chosen: File) => api.upload("/company/logo", chosen, chosen.type),
    onSuccess: (saved) => {
      queryClient.setQueryData([PROFILE_PATH], saved);
      setFile(null);
    },
  });
  return (
    <Section id="company-logo" title={t("settings.logo")}>
      <Group align="flex-start" gap="xl" wrap="wrap">
        {profile.logoUrl ? (
          <img
            src={profile.logoUrl}
            alt={t("settings.logoAlt", { name: profile.name })}
            style={{
              maxWidth: 200,
              maxHeight: 96,
              objectFit: "contain",
              border: "1px solid var(--mantine-color-gray-3)",
              padding: 8,
              borderRadius: 4,
            }}
          />
        ) : (
          <Text size="sm" c="dimmed" maw={240}>
            {t("settings.logoNone")}
          </Text>
        )}
        {editable && (
          <Stack gap="xs" maw={420}>
            <FileInput
              label={t("settings.logoChoose")}
              description={t("settings.logoHint")}
              accept={LOGO_TYPES.join(",")}
              value={file}
              onChange={(chosen) => {
                upload.reset();
                setFile(chosen);
              }}
              error={problem}
              clearable
            />
            <FormError error={upload.error} />
            <Group>
              <Button
                disabled={!file || Boolean(problem)}
                loading={upload.isPending}
                onClick={() => file && upload.mutate(file)}
              >
                {t("settings.logoUpload")}
              </Button>
              {profile.logoUrl && (
                <Button variant="default" onClick={() => setRemoving(true)}>
                  {t("settings.logoRemove")}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Group>
      {removing && (
        <ConfirmModal
          title={t("settings.logoRemoveTitle")}
          confirmLabel={t("settings.logoRemove")}
          danger
          onClose={() => setRemoving(false)}
          onConfirm={async () =>
            queryClient.setQueryData(
              [PROFILE_PATH],
              await api.DELETE("/company/logo", {
                params: {
                  query: { v: Number(new URL(profile.logoUrl ?? "", location.origin).searchParams.get("v")) },
                },
              }),
            )
          }
        >
          {t("settings.logoRemoveConfirm")}
        </ConfirmModal>
      )}
    </Section>
  );
}

type SenderValues = { emailSenderName: string; smsSenderName: string };

/** The names emails and texts go out under. */
export function SendersSection({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editable = profile.abilities.update;
  const form = useForm<SenderValues>({
    initialValues: {
      emailSenderName: profile.senders.emailSenderName ?? "",
      smsSenderName: profile.senders.smsSenderName ?? "",
    },
  });
  const save = useMutation({
    mutationFn: (v: SenderValues) =>
      api.PUT("/company/senders", {
        body: { emailSenderName: orNull(v.emailSenderName), smsSenderName: orNull(v.smsSenderName) },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData([PROFILE_PATH], saved);
      form.resetDirty();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Section id="company-senders" title={t("settings.senders")}>
      <Text size="sm" c="dimmed">
        {t("settings.sendersHint")}
      </Text>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t("settings.emailSenderName")}
              placeholder="BQL Chung cư"
              readOnly={!editable}
              {...form.getInputProps("emailSenderName")}
            />
            <TextInput
              label={t("settings.smsSenderName")}
              placeholder="BQL"
              readOnly={!editable}
              {...form.getInputProps("smsSenderName")}
            />
          </SimpleGrid>
          <FormError error={save.error} />
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
              {save.isSuccess && !form.isDirty() && (
                <Text size="sm" role="status">
                  {t("settings.saved")}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}
