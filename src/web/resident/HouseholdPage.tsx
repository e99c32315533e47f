import { Alert, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/Pages.js";
import { ChangeRequestsSection } from "../registry/changeRequests.js";
import { HouseholdPanel } from "../registry/HouseholdPanel.js";
import { VehiclesPanel } from "../registry/VehiclesPanel.js";
import { useMyUnits } from "./units.js";

function ByUnit({ title, render }: { title: string; render: (unitId: string) => ReactNode }) {
  const { t } = useTranslation();
  const units = useMyUnits();
  return (
    <Stack maw={720} mx="auto" gap="xs">
      <PageHeader title={title} />
      {units.length === 0 && (
        <Alert color="blue" variant="light">
          {t("household.noUnits")}
        </Alert>
      )}
      {units.map((unit) => (
        <Stack key={unit.unitId} gap="sm" component="section" aria-label={unit.label}>
          {units.length > 1 && (
            <Title order={2} size="h4">
              {unit.label}
            </Title>
          )}
          {render(unit.unitId)}
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * The resident's household: the owner adds, corrects and moves out household members, and asks the
 * management to change the unit's area or owner.
 */
export function HouseholdPage() {
  const { t } = useTranslation();
  return (
    <ByUnit
      title={t("household.title")}
      render={(unitId) => (
        <>
          <HouseholdPanel unitId={unitId} mode="resident" canEdit={false} />
          <ChangeRequestsSection unitId={unitId} />
        </>
      )}
    />
  );
}

/** The household's vehicles; a resident's registration waits for the management's approval. */
export function VehiclesPage() {
  const { t } = useTranslation();
  return (
    <ByUnit
      title={t("vehicles.title")}
      render={(unitId) => (
        <VehiclesPanel unitId={unitId} mode="resident" canEdit={false} canApprove={false} />
      )}
    />
  );
}
