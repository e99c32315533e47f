import { Button, EmptyState, Group, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { useSignedInMe } from "../../auth/session.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { IconUsers } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { useRoleLabel } from "../../components/roles.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDate } from "../../format.js";
import { useAllBuildings } from "../buildings/buildings.js";
import { EditStaffModal } from "./EditStaffModal.js";
import { InviteModal } from "./InviteModal.js";
import { INVITATIONS_PATH, STAFF_PATH, type Staff, type StaffInvitation } from "./staff.js";

const INVITATION_TONES = {
  pending: "waiting",
  accepted: "positive",
  expired: "inactive",
  revoked: "inactive",
} as const;

/** Names of the given buildings, or a dash when there are none. */
function useBuildingNames(): (ids: string[]) => string {
  const buildings = useAllBuildings();
  const names = new Map(buildings.data?.items.map((building) => [building.id, building.name]));
  return (ids) => ids.map((id) => names.get(id) ?? "…").join(", ") || "—";
}

export function StaffPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useSignedInMe();
  const roleLabel = useRoleLabel();
  const buildingNames = useBuildingNames();
  const staff = usePagedList(STAFF_PATH);
  const invitations = usePagedList(INVITATIONS_PATH);
  const [inviting, { open: openInvite, close: closeInvite }] = useDisclosure(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [toggling, setToggling] = useState<Staff | null>(null);
  const [revoking, setRevoking] = useState<StaffInvitation | null>(null);

  const staffColumns: Column<Staff>[] = [
    { header: t("profile.displayName"), cell: (member) => member.displayName },
    { header: t("staff.contact"), cell: (member) => member.contact ?? "—" },
    { header: t("staff.role"), cell: (member) => roleLabel(member.role) },
    { header: t("staff.buildings"), cell: (member) => buildingNames(member.buildingIds) },
    {
      header: t("common.status"),
      cell: (member) => (
        <StatusBadge tone={member.status === "active" ? "positive" : "inactive"}>
          {t(`staff.status.${member.status}`)}
        </StatusBadge>
      ),
    },
    {
      header: t("common.actions"),
      // Nobody changes their own role or status: the server refuses it, so the buttons are not offered.
      cell: (member) =>
        member.accountId !== me.account.id && (
          <Group gap={4} wrap="nowrap">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setEditing(member)}
              aria-label={t("common.editNamed", { name: member.displayName })}
            >
              {t("common.edit")}
            </Button>
            <Button
              variant="subtle"
              size="xs"
              color={member.status === "active" ? "red" : undefined}
              onClick={() => setToggling(member)}
              aria-label={t(`staff.${member.status === "active" ? "disable" : "enable"}Named`, {
                name: member.displayName,
              })}
            >
              {t(`staff.${member.status === "active" ? "disable" : "enable"}`)}
            </Button>
          </Group>
        ),
    },
  ];

  const invitationColumns: Column<StaffInvitation>[] = [
    { header: t("profile.displayName"), cell: (invitation) => invitation.displayName },
    { header: t("staff.contact"), cell: (invitation) => invitation.contact },
    { header: t("staff.role"), cell: (invitation) => roleLabel(invitation.role) },
    {
      header: t("common.status"),
      cell: (invitation) => (
        <StatusBadge tone={INVITATION_TONES[invitation.status]}>
          {t(`staff.invitationStatus.${invitation.status}`)}
        </StatusBadge>
      ),
    },
    { header: t("staff.expiresAt"), cell: (invitation) => formatDate(invitation.expiresAt) },
    {
      header: t("common.actions"),
      cell: (invitation) =>
        invitation.status === "pending" && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={() => setRevoking(invitation)}
            aria-label={t("staff.revokeNamed", { name: invitation.displayName })}
          >
            {t("staff.revoke")}
          </Button>
        ),
    },
  ];

  const enabling = toggling?.status === "disabled";
  return (
    <>
      <PageHeader
        title={t("staff.title")}
        action={<Button onClick={openInvite}>{t("staff.invite")}</Button>}
      />
      <PagedTable
        list={staff}
        columns={staffColumns}
        label={t("staff.title")}
        searchLabel={t("common.search")}
        empty={
          <EmptyState
            icon={<IconUsers size={32} />}
            variant="light"
            title={t("staff.emptyTitle")}
            description={t("staff.empty")}
          />
        }
      />
      <Title order={2} size="h3" mt="xl" mb="sm">
        {t("staff.invitations")}
      </Title>
      <PagedTable
        list={invitations}
        columns={invitationColumns}
        label={t("staff.invitations")}
        empty={
          <EmptyState
            variant="light"
            title={t("staff.noInvitationsTitle")}
            description={t("staff.noInvitations")}
          />
        }
      />
      {inviting && <InviteModal onClose={closeInvite} />}
      {editing && <EditStaffModal member={editing} onClose={() => setEditing(null)} />}
      {toggling && (
        <ConfirmModal
          title={t(enabling ? "staff.enableTitle" : "staff.disableTitle")}
          confirmLabel={t(enabling ? "staff.enable" : "staff.disable")}
          danger={!enabling}
          onClose={() => setToggling(null)}
          onConfirm={async () => {
            await api.PATCH("/staff/{id}", {
              params: { path: { id: toggling.id } },
              body: { status: enabling ? "active" : "disabled" },
            });
            await queryClient.invalidateQueries({ queryKey: [STAFF_PATH] });
          }}
        >
          {t(enabling ? "staff.enableConfirm" : "staff.disableConfirm", { name: toggling.displayName })}
        </ConfirmModal>
      )}
      {revoking && (
        <ConfirmModal
          title={t("staff.revokeTitle")}
          confirmLabel={t("staff.revoke")}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await api.DELETE("/staff/invitations/{id}", { params: { path: { id: revoking.id } } });
            await queryClient.invalidateQueries({ queryKey: [INVITATIONS_PATH] });
          }}
        >
          {t("staff.revokeConfirm", { name: revoking.displayName, contact: revoking.contact })}
        </ConfirmModal>
      )}
    </>
  );
}
