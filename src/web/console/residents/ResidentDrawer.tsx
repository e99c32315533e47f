import { Anchor, Badge, Drawer, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Fact } from "../../components/Fact.js";
import { ItemList } from "../../components/ItemList.js";
import { formatDate } from "../../format.js";
import { RevealField } from "../../registry/Reveal.js";
import { type ResidentListItem, ROLE_COLORS, useRegistryWords } from "../../registry/registry.js";
import { useAbilities } from "../access.js";

/**
 * A resident opened from the list: contacts masked (shown one at a time, logged), and the units they belong to,
 * each opening the unit with its household and vehicles, where the registry is kept.
 */
export function ResidentDrawer({ resident, onClose }: { resident: ResidentListItem; onClose: () => void }) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const canReveal = useAbilities()("resident", "reveal");
  const r = resident;
  const reveal = (field: "phone" | "email", masked: string) => (
    <RevealField
      residentId={r.id}
      residentName={r.fullName}
      field={field}
      masked={masked}
      canReveal={canReveal}
    />
  );
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Title order={2} size="h3">
          {r.fullName}
        </Title>
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="lg">
        <SimpleGrid component="dl" cols={2} spacing="md" verticalSpacing="md" m={0}>
          <Fact label={t("residents.phone")}>{r.phone ? reveal("phone", r.phone) : "—"}</Fact>
          <Fact label={t("household.email")}>{r.email ? reveal("email", r.email) : "—"}</Fact>
          <Fact label={t("residents.nationality")}>{r.nationality ?? "—"}</Fact>
          <Fact label={t("residents.since")}>{formatDate(r.createdAt)}</Fact>
          {r.contactAddress && <Fact label={t("residents.contactAddress")}>{r.contactAddress}</Fact>}
        </SimpleGrid>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("residents.units")}
          </Title>
          {r.units.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("residents.noUnits")}
            </Text>
          ) : (
            <ItemList label={t("residents.units")}>
              {r.units.map((unit) => (
                <Group component="li" key={`${unit.unitId}-${unit.role}`} gap="sm">
                  <Anchor
                    component={Link}
                    to={`/console/buildings/${unit.buildingId}?unit=${unit.unitId}`}
                    fw={600}
                  >
                    {t("residents.openUnit", { code: unit.code })}
                  </Anchor>
                  <Badge color={ROLE_COLORS[unit.role]} tt="none" radius="sm">
                    {words.role(unit.role)}
                  </Badge>
                </Group>
              ))}
            </ItemList>
          )}
          <Text size="sm" c="dimmed">
            {t("residents.editInUnit")}
          </Text>
        </Stack>
      </Stack>
    </Drawer>
  );
}
