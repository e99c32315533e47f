import { Anchor, Button, Checkbox, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { InvitationPreview, Me } from "../../contracts/index.js";
import { api } from "../api.js";
import { FormError, newPassword, required, showFieldErrors } from "../components/forms.js";
import { PageLoader } from "../components/Pages.js";
import { useRoleLabel } from "../components/roles.js";
import { formatDate } from "../format.js";
import { useSignedIn } from "./useSignedIn.js";

type Preview = z.infer<typeof InvitationPreview>;

/** The purposes that rest on consent, offered unticked at sign-up (DESIGN §3). */
const CONSENTS = ["marketing", "analytics"] as const;
type Consents = Record<(typeof CONSENTS)[number], boolean>;

/**
 * Records what the person ticked, in the company they have just joined. A failure does not undo joining:
 * consent stays off, the safe side, and the privacy center offers it again.
 */
async function recordConsents(me: Me, consents: Consents): Promise<void> {
  if (!me.current?.companyId) return;
  const ticked = CONSENTS.filter((purpose) => consents[purpose]);
  await Promise.allSettled(
    ticked.map((purpose) =>
      api.POST("/privacy/consents", { body: { purpose, given: true, channel: "sign_up" } }),
    ),
  );
}

/** The page an invitation link opens: who invites, as what, then a password to accept. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const path = `/invitations/${encodeURIComponent(token)}`;
  const preview = useQuery({
    queryKey: [path],
    queryFn: () => api.GET("/invitations/{token}", { params: { path: { token } } }),
    retry: false,
  });

  return (
    <Stack>
      <Title order={1} size="h3">
        {t("invite.title")}
      </Title>
      {preview.isPending && <PageLoader />}
      {preview.isError && (
        <>
          <FormError error={preview.error} />
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t("common.backToSignIn")}
          </Anchor>
        </>
      )}
      {preview.data && <AcceptForm token={token} preview={preview.data} />}
    </Stack>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const signedIn = useSignedIn();
  const existing = preview.accountExists;
  const resident = preview.role === "resident";
  const form = useForm({
    initialValues: { displayName: preview.displayName, password: "", marketing: false, analytics: false },
    validate: {
      displayName: (value) => (existing ? null : required(value)),
      password: existing ? required : newPassword,
    },
  });
  const accept = useMutation({
    mutationFn: async ({ displayName, password, ...consents }: typeof form.values) => {
      const result = await api.POST("/invitations/{token}/accept", {
        params: { path: { token } },
        body: existing ? { password } : { displayName, password },
      });
      if (resident && result.status === "signed_in") await recordConsents(result.me, consents);
      return result;
    },
    // Accepting signs in: the answer's other steps are those a sign-in with a password may ask for.
    onSuccess: (result) => result.status === "signed_in" && signedIn(result.me),
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => accept.mutate(values))} noValidate>
      <Stack>
        <Text>{t("invite.summary", { company: preview.companyName, role: roleLabel(preview.role) })}</Text>
        <Text size="sm" c="dimmed">
          {t("invite.sentTo", { contact: preview.contact, date: formatDate(preview.expiresAt) })}
        </Text>
        {existing ? (
          <>
            <Text size="sm">{t("invite.existingAccount")}</Text>
            <PasswordInput
              label={t("signIn.password")}
              autoComplete="current-password"
              {...form.getInputProps("password")}
            />
          </>
        ) : (
          <>
            <TextInput
              label={t("profile.displayName")}
              autoComplete="name"
              {...form.getInputProps("displayName")}
            />
            <PasswordInput
              label={t("invite.choosePassword")}
              description={t("password.hint")}
              autoComplete="new-password"
              {...form.getInputProps("password")}
            />
          </>
        )}
        {resident &&
          CONSENTS.map((purpose) => (
            <Checkbox
              key={purpose}
              label={t(`invite.consent.${purpose}.label`)}
              description={preview.consentWording[purpose]}
              {...form.getInputProps(purpose, { type: "checkbox" })}
            />
          ))}
        <Text size="sm">
          <Trans
            i18nKey="invite.legal"
            components={{
              terms: (
                <Anchor
                  href={`/terms?company=${preview.companyId}`}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                />
              ),
              privacy: (
                <Anchor
                  href={`/privacy?company=${preview.companyId}`}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                />
              ),
            }}
          />
        </Text>
        <FormError error={accept.error} />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t("invite.accept")}
        </Button>
      </Stack>
    </form>
  );
}
