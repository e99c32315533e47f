import { Button, Center, Drawer, Group, Loader, SimpleGrid, Stack, Tabs } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Unit } from "../../../contracts/index.js";
import { Fact } from "../../components/Fact.js";
import { FormError } from "../../components/forms.js";
import { formatDate, formatDay } from "../../format.js";
import { HouseholdFlagsStaff } from "../../registry/flags.js";
import { HouseholdPanel } from "../../registry/HouseholdPanel.js";
import { VehiclesPanel } from "../../registry/VehiclesPanel.js";
import { useAbilities } from "../access.js";
import { UnitStatusBadge } from "./UnitStatus.js";
import { useUnit, useUnitWords } from "./units.js";

type Props = {
  unitId: string;
  onClose: () => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
};

const TABS = ["info", "household", "vehicles"] as const;
type Tab = (typeof TABS)[number];

/**
 * A unit's details, opened from the floor grid or the list; edit and delete as the unit's abilities allow. Staff who
 * see the registry also get the household and the vehicles.
 */
export function UnitDrawer({ unitId, onClose, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const words = useUnitWords();
  const query = useUnit(unitId);
  const unit = query.data;
  const notSet = t("common.notSet");
  const can = useAbilities();
  const seesRegistry = can("household", "read");
  const canEditRegistry = can("household", "change");
  const canApprove = can("household", "approve_vehicle");
  const [tab, setTab] = useState<Tab>("info");

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (query.isError) {
    body = <FormError error={query.error} />;
  } else {
    const u = query.data;
    body = (
      <Stack>
        <SimpleGrid component="dl" cols={2} spacing="md" verticalSpacing="md" m={0}>
          <Fact label={t("units.code")}>{u.code}</Fact>
          <Fact label={t("units.status")}>
            <UnitStatusBadge status={u.status} />
          </Fact>
          <Fact label={t("units.block")}>{words.block(u.block)}</Fact>
          <Fact label={t("units.floor")}>{words.floor(u.floor)}</Fact>
          <Fact label={t("units.type")}>{words.type(u.type)}</Fact>
          <Fact label={t("units.area")}>{words.area(u.areaM2)}</Fact>
          <Fact label={t("units.handoverDate")}>{u.handoverDate ? formatDay(u.handoverDate) : notSet}</Fact>
          <Fact label={t("common.createdAt")}>{formatDate(u.createdAt)}</Fact>
          <Fact label={t("units.maintenanceFund")}>
            {u.maintenanceFundVnd === null ? notSet : words.vnd(u.maintenanceFundVnd)}
          </Fact>
          <Fact label={t("units.maintenanceFundPaidOn")}>
            {u.maintenanceFundPaidOn ? formatDay(u.maintenanceFundPaidOn) : notSet}
          </Fact>
        </SimpleGrid>
        {(u.abilities.update || u.abilities.delete) && (
          <Group gap="sm" mt="sm">
            {u.abilities.update && <Button onClick={() => onEdit(u)}>{t("common.edit")}</Button>}
            {u.abilities.delete && (
              <Button variant="outline" color="red" onClick={() => onDelete(u)}>
                {t("common.delete")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    );
  }

  if (seesRegistry && query.isSuccess) {
    const tabLabel = {
      info: t("household.info"),
      household: t("household.tab"),
      vehicles: t("vehicles.tab"),
    };
    body = (
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? "info")} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {tabLabel[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="info">{body}</Tabs.Panel>
        <Tabs.Panel value="household">
          <Stack gap="sm">
            <HouseholdFlagsStaff unitId={unitId} canEdit={canEditRegistry} />
            <HouseholdPanel unitId={unitId} mode="staff" canEdit={canEditRegistry} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="vehicles">
          <VehiclesPanel unitId={unitId} mode="staff" canEdit={canEditRegistry} canApprove={canApprove} />
        </Tabs.Panel>
      </Tabs>
    );
  }

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={seesRegistry ? "lg" : "md"}
      title={unit ? t("units.detail", { code: unit.code }) : t("common.loading")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      {body}
    </Drawer>
  );
}
