import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Building } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { BUILDINGS_PATH } from "./buildings.js";

/** A block as edited: `key` keeps React rows stable while blocks are added and removed. */
type BlockRow = { key: string; name: string; floors: number | string };

const validFloors = (value: number | string) =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 120;

/** Creates a building, or edits one when given. */
export function BuildingFormModal({ building, onClose }: { building?: Building; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: building?.name ?? "",
      address: building?.address ?? "",
      blocks: (building?.blocks ?? [{ name: "A", floors: 1 }]).map(
        (block): BlockRow => ({ ...block, key: randomId() }),
      ),
    },
    validate: {
      name: required,
      address: required,
      blocks: {
        name: required,
        floors: (value) => (validFloors(value) ? null : t("buildings.floorsInvalid")),
      },
    },
  });
  const save = useMutation({
    mutationFn: ({ blocks, ...values }: typeof form.values) => {
      const body = {
        ...values,
        blocks: blocks.map(({ name, floors }) => ({ name, floors: Number(floors) })),
      };
      return building
        ? api.PATCH("/buildings/{id}", { params: { path: { id: building.id } }, body })
        : api.POST(BUILDINGS_PATH, { body });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [BUILDINGS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });

  const blocks = form.values.blocks;
  return (
    <FormModal
      title={building ? t("buildings.edit", { name: building.name }) : t("buildings.create")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      <TextInput label={t("buildings.name")} data-autofocus {...form.getInputProps("name")} />
      <TextInput
        label={t("buildings.address")}
        autoComplete="street-address"
        {...form.getInputProps("address")}
      />
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={500} size="sm" mb={4}>
          {t("buildings.blocks")}
        </Text>
        {blocks.map((block, index) => (
          <Group key={block.key} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label={t("buildings.blockName", { n: index + 1 })}
              style={{ flex: 1 }}
              {...form.getInputProps(`blocks.${index}.name`)}
            />
            <NumberInput
              label={t("buildings.floors")}
              min={1}
              max={120}
              allowDecimal={false}
              w={110}
              {...form.getInputProps(`blocks.${index}.floors`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={25}
              disabled={blocks.length === 1}
              aria-label={t("buildings.removeBlock", { name: block.name || index + 1 })}
              onClick={() => form.removeListItem("blocks", index)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            form.insertListItem("blocks", { key: randomId(), name: "", floors: 1 } satisfies BlockRow)
          }
        >
          {t("buildings.addBlock")}
        </Button>
      </Stack>
    </FormModal>
  );
}
