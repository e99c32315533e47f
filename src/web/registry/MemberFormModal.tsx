import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { required, showFieldErrors } from "../components/forms.js";
import { parseDay } from "../format.js";
import {
  HOUSEHOLD_ROLES,
  type HouseholdMember,
  type HouseholdRole,
  invalidateHousehold,
  useRegistryWords,
} from "./registry.js";

type Values = {
  role: HouseholdRole;
  fullName: string;
  relation: string;
  phone: string;
  email: string;
  dateOfBirth: string;
  movedInOn: string;
  leaseEndsOn: string;
};

type Props = {
  unitId: string;
  /** Staff choose the role and record contacts and lease; a resident owner adds household members only. */
  mode: "staff" | "resident";
  /** The member to correct; without it, a new person. */
  member?: HouseholdMember;
  onClose: () => void;
};

const orNull = (value: string) => value.trim() || null;

/**
 * Adds a person to a unit's household, or corrects one. Contacts are held masked, so when editing they
 * start empty: what is typed replaces them, an empty field keeps them.
 */
export function MemberFormModal({ unitId, mode, member, onClose }: Props) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const queryClient = useQueryClient();
  const staff = mode === "staff";
  const editing = member !== undefined;
  const day = (value: string) => (parseDay(value) === null ? t("validation.day") : null);

  const form = useForm<Values>({
    initialValues: {
      role: member?.role ?? (staff ? "owner" : "member"),
      fullName: member?.resident.fullName ?? "",
      relation: member?.relation ?? "",
      phone: "",
      email: "",
      dateOfBirth: "",
      movedInOn: "",
      leaseEndsOn: "",
    },
    validate: {
      fullName: required,
      dateOfBirth: day,
      movedInOn: day,
      leaseEndsOn: (value, values) =>
        !editing && values.role === "tenant" && !value.trim() ? t("household.leaseRequired") : day(value),
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      if (editing) {
        const body: Record<string, string | null> = {
          fullName: values.fullName.trim(),
          relation: orNull(values.relation),
        };
        if (values.phone.trim()) body.phone = values.phone.trim();
        if (values.email.trim()) body.email = values.email.trim();
        if (values.dateOfBirth.trim()) body.dateOfBirth = parseDay(values.dateOfBirth);
        return api.PATCH("/units/{id}/household/{memberId}", {
          params: { path: { id: unitId, memberId: member.id } },
          body,
        });
      }
      return api.POST("/units/{id}/household", {
        params: { path: { id: unitId } },
        body: {
          role: staff ? values.role : "member",
          fullName: values.fullName.trim(),
          relation: orNull(values.relation),
          phone: orNull(values.phone),
          email: staff ? orNull(values.email) : null,
          dateOfBirth: parseDay(values.dateOfBirth) || null,
          movedInOn: parseDay(values.movedInOn) || null,
          leaseEndsOn: values.role === "tenant" ? parseDay(values.leaseEndsOn) || null : null,
        },
      });
    },
    onSuccess: async () => {
      await invalidateHousehold(queryClient);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        form.setFieldError("fullName", t("household.conflict"));
      else showFieldErrors(form, error);
    },
  });

  let error: unknown = save.error;
  if (save.error instanceof ApiError) {
    if (save.error.status === 409) error = null;
    else if (save.error.status === 403 && !staff) {
      error = new ApiError(403, save.error.code, t("household.ownerOnly"));
    }
  }

  const keep = editing ? t("household.keepBlank") : undefined;
  const title = editing
    ? t("household.editTitle", { name: member.resident.fullName })
    : staff
      ? t("household.addTitle")
      : t("household.addMemberTitle");

  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={error}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        {staff && !editing && (
          <NativeSelect
            label={t("household.role")}
            data={HOUSEHOLD_ROLES.map((role) => ({ value: role, label: words.role(role) }))}
            {...form.getInputProps("role")}
          />
        )}
        <TextInput
          label={t("household.fullName")}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps("fullName")}
        />
        <TextInput
          label={t("household.relation")}
          placeholder={t("household.relationPlaceholder")}
          autoComplete="off"
          {...form.getInputProps("relation")}
        />
        <TextInput
          label={t("household.dateOfBirth")}
          placeholder={editing ? keep : t("validation.dayPlaceholder")}
          description={editing ? t("validation.dayPlaceholder") : undefined}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps("dateOfBirth")}
        />
        <TextInput
          label={t("household.phone")}
          placeholder={keep ?? "0912 345 678"}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...form.getInputProps("phone")}
        />
        {staff && (
          <TextInput
            label={t("household.email")}
            placeholder={keep}
            type="email"
            autoComplete="off"
            {...form.getInputProps("email")}
          />
        )}
        {!editing && (
          <TextInput
            label={t("household.movedInOn")}
            placeholder={t("validation.dayPlaceholder")}
            inputMode="numeric"
            autoComplete="off"
            {...form.getInputProps("movedInOn")}
          />
        )}
        {staff && !editing && form.values.role === "tenant" && (
          <TextInput
            label={t("household.leaseEndsOn")}
            placeholder={t("validation.dayPlaceholder")}
            inputMode="numeric"
            autoComplete="off"
            withAsterisk
            {...form.getInputProps("leaseEndsOn")}
          />
        )}
      </SimpleGrid>
    </FormModal>
  );
}
