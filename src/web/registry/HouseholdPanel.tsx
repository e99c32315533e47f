import {
  Alert,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconUsers } from "../components/icons.js";
import { formatDay } from "../format.js";
import { MemberFormModal } from "./MemberFormModal.js";
import { DateConfirmModal } from "./PromptModals.js";
import { RevealField } from "./Reveal.js";
import {
  type HouseholdMember,
  invalidateHousehold,
  isCurrent,
  ROLE_COLORS,
  useHousehold,
  useRegistryWords,
} from "./registry.js";

type Props = {
  unitId: string;
  /** Staff see contacts masked with a Show button; residents see their own household. */
  mode: "staff" | "resident";
  /** Staff who keep the registry: add anyone, correct, invite, move out. */
  canEdit: boolean;
};

type Dialog =
  | { kind: "add" }
  | { kind: "edit"; member: HouseholdMember }
  | { kind: "invite"; member: HouseholdMember }
  | { kind: "moveOut"; member: HouseholdMember };

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Text size="sm" c="dimmed" miw={96}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

function MemberCard({
  member,
  mode,
  actions,
}: {
  member: HouseholdMember;
  mode: Props["mode"];
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const r = member.resident;
  const staff = mode === "staff";
  const current = isCurrent(member);
  const reveal = (field: "phone" | "email" | "dateOfBirth" | "idNumber", masked: string) => (
    <RevealField
      residentId={r.id}
      residentName={r.fullName}
      field={field}
      masked={masked}
      canReveal={staff}
    />
  );
  const dates = [
    member.movedInOn && t("household.since", { date: formatDay(member.movedInOn) }),
    member.movedOutOn && t("household.movedOut", { date: formatDay(member.movedOutOn) }),
    member.leaseEndsOn && t("household.leaseUntil", { date: formatDay(member.leaseEndsOn) }),
  ].filter(Boolean);
  return (
    <Paper component="li" withBorder p="sm" radius="md" bg={current ? undefined : "gray.0"}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700} c={current ? undefined : "dimmed"}>
              {r.fullName}
            </Text>
            {member.relation && (
              <Text size="sm" c="dimmed">
                {member.relation}
              </Text>
            )}
          </div>
          <Group gap={4} wrap="nowrap">
            {staff && current && member.usesApp && (
              <Badge color="teal.9" variant="outline" tt="none" radius="sm">
                {t("household.usesApp")}
              </Badge>
            )}
            <Badge
              color={ROLE_COLORS[member.role]}
              variant={current ? "filled" : "outline"}
              tt="none"
              radius="sm"
            >
              {words.role(member.role)}
            </Badge>
          </Group>
        </Group>
        {r.phone && <Line label={t("household.phone")}>{reveal("phone", r.phone)}</Line>}
        {r.email && <Line label={t("household.email")}>{reveal("email", r.email)}</Line>}
        {r.hasDateOfBirth && staff && (
          <Line label={t("household.dateOfBirth")}>{reveal("dateOfBirth", "••/••/••••")}</Line>
        )}
        {r.hasIdNumber && staff && (
          <Line label={t("household.idNumber")}>{reveal("idNumber", "••••••••")}</Line>
        )}
        {dates.length > 0 && (
          <Text size="sm" c="dimmed">
            {dates.join(" · ")}
          </Text>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}

/** A unit's household: current members first, moved-out people after, with what the viewer may do. */
export function HouseholdPanel({ unitId, mode, canEdit }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const household = useHousehold(unitId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const staff = mode === "staff";
  // Residents may try: the owner may add members, others get the server's refusal in the form.
  const canAdd = staff ? canEdit : true;
  const canChange = (member: HouseholdMember) => (staff ? canEdit : member.role === "member");
  const close = () => setDialog(null);

  if (household.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (household.isError) return <FormError error={household.error} />;

  const members = household.data.members;
  const current = members.filter(isCurrent);
  const past = members.filter((member) => !isCurrent(member));
  const addLabel = staff ? t("household.add") : t("household.addMember");

  const actions = (member: HouseholdMember) => {
    if (!isCurrent(member) || !canChange(member)) return null;
    const name = member.resident.fullName;
    return (
      <Group gap={4}>
        <Button
          variant="default"
          size="compact-sm"
          onClick={() => setDialog({ kind: "edit", member })}
          aria-label={t("household.editNamed", { name })}
        >
          {t("common.edit")}
        </Button>
        {staff && !member.usesApp && (
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => setDialog({ kind: "invite", member })}
            aria-label={t("household.inviteNamed", { name })}
          >
            {t("household.invite")}
          </Button>
        )}
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          onClick={() => setDialog({ kind: "moveOut", member })}
          aria-label={t("household.moveOutNamed", { name })}
        >
          {t("household.moveOut")}
        </Button>
      </Group>
    );
  };

  return (
    <Stack gap="sm">
      {canAdd && members.length > 0 && (
        <Group justify="flex-end">
          <Button onClick={() => setDialog({ kind: "add" })}>{addLabel}</Button>
        </Group>
      )}
      {notice && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      {members.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={32} />}
          variant="light"
          title={t("household.emptyTitle")}
          description={
            staff
              ? canEdit
                ? t("household.empty")
                : t("household.emptyStaff")
              : t("household.emptyResident")
          }
          py="lg"
        >
          {canAdd && (
            <EmptyState.Actions>
              <Button onClick={() => setDialog({ kind: "add" })}>{addLabel}</Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <ItemList label={t("household.list")}>
          {current.map((member) => (
            <MemberCard key={member.id} member={member} mode={mode} actions={actions(member)} />
          ))}
        </ItemList>
      )}
      {past.length > 0 && (
        <>
          <Title order={3} size="h5" mt="sm">
            {t("household.past")}
          </Title>
          <ItemList label={t("household.past")}>
            {past.map((member) => (
              <MemberCard key={member.id} member={member} mode={mode} actions={null} />
            ))}
          </ItemList>
        </>
      )}

      {dialog?.kind === "add" && <MemberFormModal unitId={unitId} mode={mode} onClose={close} />}
      {dialog?.kind === "edit" && (
        <MemberFormModal unitId={unitId} mode={mode} member={dialog.member} onClose={close} />
      )}
      {dialog?.kind === "invite" && (
        <ConfirmModal
          title={t("household.inviteTitle")}
          confirmLabel={t("household.inviteSubmit")}
          onClose={close}
          onConfirm={async () => {
            const name = dialog.member.resident.fullName;
            try {
              await api.POST("/units/{id}/household/{memberId}/invite", {
                params: { path: { id: unitId, memberId: dialog.member.id } },
              });
            } catch (error) {
              if (error instanceof ApiError && error.code === "RESIDENT_NO_CONTACT") {
                throw new ApiError(error.status, error.code, t("household.noContact"));
              }
              throw error;
            }
            setNotice(t("household.invited", { name }));
          }}
        >
          {t("household.inviteConfirm", { name: dialog.member.resident.fullName })}
        </ConfirmModal>
      )}
      {dialog?.kind === "moveOut" && (
        <DateConfirmModal
          title={t("household.moveOutTitle")}
          text={t("household.moveOutText", { name: dialog.member.resident.fullName })}
          label={t("household.moveOutOn")}
          submitLabel={t("household.moveOut")}
          onClose={close}
          onConfirm={async (on) => {
            await api.POST("/units/{id}/household/{memberId}/move-out", {
              params: { path: { id: unitId, memberId: dialog.member.id } },
              body: { on },
            });
            await invalidateHousehold(queryClient);
          }}
        />
      )}
    </Stack>
  );
}
