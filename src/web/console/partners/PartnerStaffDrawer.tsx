import {
  Box,
  Button,
  Center,
  Drawer,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../../components/forms.js";
import { ItemList } from "../../components/ItemList.js";
import { IconUsers } from "../../components/icons.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDate } from "../../format.js";

const STAFF_PATH = "/partners/{id}/staff";
const TONE = { pending: "waiting", active: "positive", expired: "inactive", revoked: "inactive" } as const;

type Partner = { id: string; displayName: string; status: string; can: { update: boolean } };

/** Invites one of the partner's people to the partner portal, by email or phone. */
function InviteModal({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { displayName: "", contact: "" },
    validate: { displayName: required, contact: required },
  });
  const invite = useMutation({
    mutationFn: (v: { displayName: string; contact: string }) =>
      api.POST(STAFF_PATH, {
        params: { path: { id: partner.id } },
        body: { displayName: v.displayName.trim(), contact: v.contact.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [STAFF_PATH, partner.id] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("partnerDesk.inviteTitle", { name: partner.displayName })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => invite.mutate(v))}
      submitLabel={t("partnerDesk.inviteSubmit")}
      pending={invite.isPending}
      error={invite.error}
      zIndex={400}
    >
      <Text size="sm" c="dimmed">
        {t("partnerDesk.inviteHint")}
      </Text>
      <TextInput
        label={t("partnerDesk.staffName")}
        maxLength={80}
        data-autofocus
        {...form.getInputProps("displayName")}
      />
      <TextInput
        label={t("partnerDesk.staffContact")}
        description={t("partnerDesk.staffContactHint")}
        maxLength={254}
        autoComplete="off"
        {...form.getInputProps("contact")}
      />
    </FormModal>
  );
}

/** The partner's people in the partner portal: invited, active or lapsed; the company admin invites more. */
export function PartnerStaffDrawer({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const staff = useQuery({
    queryKey: [STAFF_PATH, partner.id],
    queryFn: () => api.GET(STAFF_PATH, { params: { path: { id: partner.id } } }),
  });
  const invites = partner.can.update && partner.status === "active";
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={t("partnerDesk.staffTitle", { name: partner.displayName })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("partnerDesk.staffIntro")}
        </Text>
        {invites && (
          <Box>
            <Button onClick={() => setInviting(true)}>{t("partnerDesk.invite")}</Button>
          </Box>
        )}
        {staff.isPending ? (
          <Center py="lg">
            <Loader aria-label={t("common.loading")} />
          </Center>
        ) : staff.isError ? (
          <FormError error={staff.error} />
        ) : staff.data.items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={32} />}
            variant="light"
            title={t("partnerDesk.noStaff")}
            description={invites ? t("partnerDesk.noStaffHint") : undefined}
            py="lg"
          />
        ) : (
          <ItemList label={t("partnerDesk.staffTitle", { name: partner.displayName })}>
            {staff.data.items.map((s) => (
              <Paper component="li" key={s.id} withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600}>{s.displayName}</Text>
                    <Text size="sm" c="dimmed">
                      {s.contact} · {t("partnerDesk.since", { date: formatDate(s.since) })}
                    </Text>
                  </div>
                  <StatusBadge tone={TONE[s.status]}>
                    {t(`partnerDesk.staffStatuses.${s.status}`)}
                  </StatusBadge>
                </Group>
              </Paper>
            ))}
          </ItemList>
        )}
      </Stack>
      {inviting && <InviteModal partner={partner} onClose={() => setInviting(false)} />}
    </Drawer>
  );
}
